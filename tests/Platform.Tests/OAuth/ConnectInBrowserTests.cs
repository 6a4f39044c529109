using System.Diagnostics;
using Microsoft.Playwright;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Xunit.Abstractions;

namespace Platform.Tests.OAuth;

/// <summary>
/// The whole connect flow as a person lives it, in a real browser (Debian's Chromium through Playwright) against
/// oidc-provider's own sign-in and consent pages: an agent's call to an unconnected install gives a link; the person
/// opens it, continues, signs in, approves and reads the success page; the agent's tools/list shows the tools and a
/// call reaches the protected MCP server, which checks the token's audience and scope. A used link shows a page that
/// says so. Screenshots of each page are saved (artifacts/screenshots).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConnectInBrowserTests(DistributedApplicationFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private BrokerOAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = await BrokerOAuthWorld.CreateAsync(platform, "connect-browser");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_person_connects_on_the_providers_consent_page_and_the_agent_then_uses_the_tools()
    {
        var (_, agentToken) = await _world.Tenant.IssueTokenAsync(await _world.Tenant.CreateAgentAsync("assistant", _world.IdentityId));
        await using var agent = await EdgeClients.ThroughGatewayAsync(platform, agentToken);
        var refused = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "before" });
        var link = ConnectBrowser.LinkIn(Assert.IsType<TextContentBlock>(Assert.Single(refused.Content)).Text);
        await using var browser = await RealBrowser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();

        var opened = await page.GotoAsync(link.AbsoluteUri);
        var heading = await page.Locator("h1").TextContentAsync();
        await RealBrowser.ScreenshotAsync(page, "connect-1-link-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to Protected upstream" }).ClickAsync();
        await page.Locator("input[name=login]").FillAsync("alice");
        await page.Locator("input[name=password]").FillAsync("any password");
        await RealBrowser.ScreenshotAsync(page, "connect-2-provider-sign-in");
        var signInUrl = page.Url;
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url != signInUrl && !url.Contains("/connect/", StringComparison.Ordinal));
        var consentText = await page.Locator("body").InnerTextAsync();
        await RealBrowser.ScreenshotAsync(page, "connect-3-provider-consent");
        var approved = Stopwatch.StartNew();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/oauth/callback", StringComparison.Ordinal));
        var successHeading = await page.Locator("h1").TextContentAsync();
        var successText = await page.Locator("body").InnerTextAsync();
        await RealBrowser.ScreenshotAsync(page, "connect-4-connected");
        await Eventually.UntilAsync(async () => (await agent.ListToolsAsync()).Any(t => t.Name == "upstream__echo"),
            TimeSpan.FromSeconds(15), () => "the install's tools in the agent's tools/list");
        output.WriteLine($"Consent approved to the tools in tools/list: {approved.Elapsed.TotalMilliseconds:F0} ms (the callback included).");
        var echo = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "in the browser" });
        var reopened = await page.GotoAsync(link.AbsoluteUri);
        var usedHeading = await page.Locator("h1").TextContentAsync();
        await RealBrowser.ScreenshotAsync(page, "connect-5-link-already-used");

        Assert.Equal(200, opened!.Status);
        Assert.Equal("Connect Protected upstream", heading);
        Assert.StartsWith(_world.Provider.Issuer, signInUrl, StringComparison.Ordinal);
        Assert.Contains("tools:call", consentText, StringComparison.Ordinal);
        Assert.Equal("Protected upstream is connected", successHeading);
        Assert.Contains("connected for person (person@example.com)", successText, StringComparison.Ordinal);
        // The platform asked for openid (the provider lists it), so the ID token names the account signed in with.
        Assert.Contains($"Connected account: alice at {new Uri(_world.Provider.Issuer).Authority}.", successText, StringComparison.Ordinal);
        Assert.Contains("You can close this window", successText, StringComparison.Ordinal);
        Assert.NotEqual(true, echo.IsError);
        Assert.Equal("echo: in the browser", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        Assert.Equal(410, reopened!.Status);
        Assert.Equal("This connect link was already used", usedHeading);
        Assert.All(Directory.GetFiles(RealBrowser.ScreenshotDirectory, "connect-*.png"), file => Assert.True(new FileInfo(file).Length > 1000, file));
    }
}
