using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth.Tests.RealServer;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.OAuth;

/// <summary>
/// Connect links against the real broker, gateway and oidc-provider: an agent's failed call carries one, so does
/// <c>platform__connect</c>, and a tenant admin gets one from the registry; the person opens it, continues to the
/// provider, approves, and sees a page in words; the agent's tools appear. A link works once, lapses, and pages
/// never show a token; the callback is accepted only in the browser that opened the link.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConnectLinkTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private BrokerOAuthWorld _world = null!;
    private ConnectBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _world = await BrokerOAuthWorld.CreateAsync(platform, "connect-links");
        _browser = new ConnectBrowser(platform);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task An_agent_calling_a_tool_its_person_has_not_connected_gets_a_link_that_connects_them()
    {
        var (_, agentToken) = await _world.Tenant.IssueTokenAsync(await _world.Tenant.CreateAgentAsync("assistant", _world.IdentityId));
        await using var agent = await EdgeClients.ThroughGatewayAsync(platform, agentToken);
        var refused = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "before" });
        var refusedText = Assert.IsType<TextContentBlock>(Assert.Single(refused.Content)).Text;
        var link = ConnectBrowser.LinkIn(refusedText);

        var page = await _browser.OpenAsync(link);
        var onward = await _browser.ContinueAsync(link);
        var callback = await BrokerOAuthWorld.ApproveAsync(onward.Location!);
        var connected = await _browser.ReturnAsync(callback);
        await Eventually.UntilAsync(async () => (await agent.ListToolsAsync()).Any(t => t.Name == "upstream__echo"),
            TimeSpan.FromSeconds(15), () => "the install's tools in the agent's tools/list");
        var echo = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "after" });

        Assert.True(refused.IsError);
        Assert.StartsWith("Not connected", refusedText, StringComparison.Ordinal);
        Assert.Equal(platform.App.GetProxiedEndpoint("gateway").Authority, link.Authority);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Connect Protected upstream", page.Html, StringComparison.Ordinal);
        Assert.Contains("person@example.com", page.Html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, onward.Status);
        Assert.StartsWith(_world.Provider.Issuer, onward.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, connected.Status);
        Assert.Contains("Protected upstream is connected", connected.Html, StringComparison.Ordinal);
        Assert.Contains("You can close this window", connected.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("secretId", connected.Html, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(true, echo.IsError);
        Assert.Equal("echo: after", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
    }

    [Fact]
    public async Task Platform_connect_gives_the_agent_a_link_for_oauth_integrations_only()
    {
        var (_, agentToken) = await _world.Tenant.IssueTokenAsync(await _world.Tenant.CreateAgentAsync("assistant", _world.IdentityId));
        await _world.Tenant.CreateStaticInstallAsync("keyed");
        await using var agent = await EdgeClients.ThroughGatewayAsync(platform, agentToken);

        var tools = await agent.ListToolsAsync();
        var given = await agent.CallToolAsync("platform__connect", new Dictionary<string, object?> { ["integration"] = "upstream" });
        var keyed = await agent.CallToolAsync("platform__connect", new Dictionary<string, object?> { ["integration"] = "keyed" });
        var unknown = await agent.CallToolAsync("platform__connect", new Dictionary<string, object?> { ["integration"] = "nothing-here" });
        var missing = await Assert.ThrowsAsync<McpProtocolException>(async () => await agent.CallToolAsync("platform__connect"));

        Assert.Contains(tools, t => t.Name == "platform__connect");
        Assert.NotEqual(true, given.IsError);
        var structured = given.StructuredContent!.Value;
        var url = new Uri(structured.GetProperty("url").GetString()!);
        Assert.Equal("upstream", structured.GetProperty("integration").GetString());
        Assert.Equal("Protected upstream", structured.GetProperty("name").GetString());
        Assert.InRange(structured.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
        Assert.Contains(url.AbsoluteUri, Assert.IsType<TextContentBlock>(Assert.Single(given.Content)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _browser.OpenAsync(url)).Status);
        Assert.True(keyed.IsError);
        Assert.Contains("does not sign in with OAuth", Assert.IsType<TextContentBlock>(Assert.Single(keyed.Content)).Text, StringComparison.Ordinal);
        Assert.True(unknown.IsError);
        Assert.Equal(McpErrorCode.InvalidParams, missing.ErrorCode);
    }

    [Fact]
    public async Task A_person_holds_at_most_ten_open_links_per_install_and_making_more_drops_the_oldest()
    {
        var links = new List<Uri>();
        for (var i = 0; i < 12; i++)
        {
            links.Add(new Uri((await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links",
                new { identityId = _world.IdentityId }, $"link {i}")).GetProperty("url").GetString()!));
        }

        var pages = new List<HttpStatusCode>();
        foreach (var link in links)
        {
            pages.Add((await _browser.OpenAsync(link)).Status);
        }
        var open = await _world.BrokerDb.ScalarAsync<long>(
            "SELECT count(*) FROM broker.connect_links WHERE install_id = @install AND identity_id = @identity AND used_at IS NULL",
            ("install", _world.InstallId), ("identity", _world.IdentityId));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, .. Enumerable.Repeat(HttpStatusCode.OK, 10)], pages);
        Assert.Equal(10L, open);
    }

    [Fact]
    public async Task A_tenant_admin_gets_a_link_for_one_person_and_it_works_once_and_not_after_it_lapses()
    {
        var created = await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links", new { identityId = _world.IdentityId }, "connect link");
        var link = new Uri(created.GetProperty("url").GetString()!);
        var lapsing = new Uri((await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links",
            new { identityId = _world.IdentityId }, "second link")).GetProperty("url").GetString()!);
        var keyed = await _world.Tenant.CreateStaticInstallAsync("keyed");
        var stranger = await new RegistryPlatform(platform).CreateTenantAsync("connect-stranger");
        var strangerIdentity = await stranger.CreateIdentityAsync("someone");

        var first = await _browser.ContinueAsync(link);
        var second = await _browser.ContinueAsync(link);
        var reopened = await _browser.OpenAsync(link);
        var lapsed = await _world.BrokerDb.ScalarAsync<long>(
            """
            WITH lapsed AS (UPDATE broker.connect_links SET expires_at = now() - interval '1 minute'
                WHERE token_sha256 = sha256(convert_to(@token, 'UTF8')) RETURNING 1)
            SELECT count(*) FROM lapsed
            """, ("token", lapsing.Segments[^1]));
        var expired = await _browser.OpenAsync(lapsing);
        var expiredContinue = await _browser.ContinueAsync(lapsing);
        var forged = await _browser.OpenAsync(new Uri(link, "/connect/" + new string('A', 43)));
        using var noIdentity = await _world.Tenant.Admin.PostAsJsonAsync($"/api/registry/installs/{_world.InstallId}/connect-links", new { });
        using var notOAuth = await _world.Tenant.Admin.PostAsJsonAsync($"/api/registry/installs/{keyed.InstallId}/connect-links", new { identityId = _world.IdentityId });
        using var foreignIdentity = await _world.Tenant.Admin.PostAsJsonAsync($"/api/registry/installs/{_world.InstallId}/connect-links", new { identityId = strangerIdentity });
        using var foreignInstall = await stranger.Admin.PostAsJsonAsync($"/api/registry/installs/{_world.InstallId}/connect-links", new { identityId = strangerIdentity });

        Assert.Equal("Protected upstream", created.GetProperty("integration").GetString());
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.Gone, second.Status);
        Assert.Contains("already used", second.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reopened.Status);
        Assert.Equal(1L, lapsed);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("has expired", expired.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expiredContinue.Status);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Contains("not valid", forged.Html, StringComparison.Ordinal);
        await Api.AssertProblemAsync(noIdentity, HttpStatusCode.BadRequest, "identityId");
        await Api.AssertProblemAsync(notOAuth, HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(foreignIdentity, HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(foreignInstall, HttpStatusCode.NotFound);
        Assert.False(await _world.BrokerDb.AnyRowContainsAsync("broker", link.Segments[^1]));
        stranger.Dispose();
    }

    [Fact]
    public async Task A_link_connects_only_its_own_person_and_a_replayed_foreign_or_declined_callback_is_refused_in_words()
    {
        var other = await _world.Tenant.CreateIdentityAsync("other");
        var link = new Uri((await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links",
            new { identityId = _world.IdentityId }, "connect link")).GetProperty("url").GetString()!);
        var declinedLink = new Uri((await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links",
            new { identityId = other }, "declined link")).GetProperty("url").GetString()!);
        var failedLink = new Uri((await _world.Tenant.PostAsync($"/api/registry/installs/{_world.InstallId}/connect-links",
            new { identityId = other }, "failed link")).GetProperty("url").GetString()!);

        var callback = await BrokerOAuthWorld.ApproveAsync((await _browser.ContinueAsync(link)).Location!);
        (HttpStatusCode Status, string Html) elsewhere;
        using (var otherBrowser = new ConnectBrowser(platform))
        {
            elsewhere = await otherBrowser.ReturnAsync(callback);
        }
        var connected = await _browser.ReturnAsync(callback);
        var replayed = await _browser.ReturnAsync(callback);
        var foreign = await _browser.ReturnAsync(new Uri(callback, "/oauth/callback?code=abc&state=never-issued"));
        var declinedState = BrokerOAuthWorld.Query((await _browser.ContinueAsync(declinedLink)).Location!)["state"];
        var declined = await _browser.ReturnAsync(new Uri(callback,
            $"/oauth/callback?error=access_denied&iss={Uri.EscapeDataString(_world.Provider.Issuer)}&state={declinedState}"));
        var failedState = BrokerOAuthWorld.Query((await _browser.ContinueAsync(failedLink)).Location!)["state"];
        var failed = await _browser.ReturnAsync(new Uri(callback,
            $"/oauth/callback?error=temporarily_unavailable&error_description={Uri.EscapeDataString("Try <b>later</b>")}&iss={Uri.EscapeDataString(_world.Provider.Issuer)}&state={failedState}"));
        var mine = await _world.Tenant.GetAsync($"/api/registry/credentials?installId={_world.InstallId}&subjectIdentityId={_world.IdentityId}");
        var theirs = await _world.Tenant.GetAsync($"/api/registry/credentials?installId={_world.InstallId}&subjectIdentityId={other}");

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.Status);
        Assert.Contains("Finish in the browser you started in", elsewhere.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, connected.Status);
        Assert.Equal("active", Assert.Single(mine.EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty(theirs.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.Contains("cannot be completed", replayed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Contains("cannot be completed", foreign.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, declined.Status);
        Assert.Contains("Access was not approved", declined.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        Assert.Contains("The provider said: Try &lt;b&gt;later&lt;/b&gt; (temporarily_unavailable).", failed.Html, StringComparison.Ordinal);
        Assert.Empty((await _world.Tenant.GetAsync($"/api/registry/credentials?installId={_world.InstallId}&subjectIdentityId={other}")).EnumerateArray());
        foreach (var html in new[] { elsewhere.Html, connected.Html, replayed.Html, foreign.Html, declined.Html, failed.Html })
        {
            Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        }
    }
}
