using System.Net;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth.Tests.RealServer;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;

namespace Platform.Tests.OAuth;

/// <summary>
/// Step-up for a person: the protected server needs <c>tools:call</c> but the first consent granted only
/// <c>tools:read</c>, so it answers 403 insufficient_scope. The credential stays active (the token is good), the
/// agent's call says which scopes to approve and carries a link asking for the granted and the missing ones; after
/// that consent the call works.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StepUpTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private BrokerOAuthWorld _world = null!;
    private ConnectBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _world = await BrokerOAuthWorld.CreateAsync(platform, "step-up", scopesSupported: ["tools:read"]);
        _browser = new ConnectBrowser(platform);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_403_insufficient_scope_gives_a_link_for_the_wider_grant_and_the_call_then_works()
    {
        var (_, agentToken) = await _world.Tenant.IssueTokenAsync(await _world.Tenant.CreateAgentAsync("assistant", _world.IdentityId));
        await using var agent = await EdgeClients.ThroughGatewayAsync(platform, agentToken);
        var first = await agent.CallToolAsync("platform__connect", new Dictionary<string, object?> { ["integration"] = "upstream" });
        var firstOnward = await _browser.ContinueAsync(new Uri(first.StructuredContent!.Value.GetProperty("url").GetString()!));
        var firstGrant = BrokerOAuthWorld.Query(firstOnward.Location!)["scope"];
        var firstPage = await _browser.ReturnAsync(await BrokerOAuthWorld.ApproveAsync(firstOnward.Location!));

        var narrow = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "narrow" });
        var narrowText = Assert.IsType<TextContentBlock>(Assert.Single(narrow.Content)).Text;
        var credential = Assert.Single((await _world.Tenant.GetAsync($"/api/registry/credentials?installId={_world.InstallId}&subjectIdentityId={_world.IdentityId}")).EnumerateArray());
        var stepUp = await _browser.ContinueAsync(ConnectBrowser.LinkIn(narrowText));
        var asked = BrokerOAuthWorld.Query(stepUp.Location!)["scope"].Split(' ');
        var connected = await _browser.ReturnAsync(await BrokerOAuthWorld.ApproveAsync(stepUp.Location!));
        CallToolResult? wide = null;
        await Eventually.UntilAsync(async () =>
            {
                wide = await agent.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "wide" });
                return wide.IsError != true;
            },
            TimeSpan.FromSeconds(15), () => $"the call after the wider grant: {wide?.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text}");

        Assert.Equal(HttpStatusCode.OK, firstPage.Status);
        Assert.DoesNotContain(ProtectedMcpServer.RequiredScope, firstGrant.Split(' '));
        Assert.True(narrow.IsError);
        Assert.Contains("needs more access", narrowText, StringComparison.Ordinal);
        Assert.Contains($"\"{ProtectedMcpServer.RequiredScope}\"", narrowText, StringComparison.Ordinal);
        Assert.Equal("active", credential.GetProperty("status").GetString());
        Assert.Contains("tools:read", asked);
        Assert.Contains(ProtectedMcpServer.RequiredScope, asked);
        Assert.Equal(HttpStatusCode.OK, connected.Status);
        Assert.Equal("echo: wide", Assert.IsType<TextContentBlock>(Assert.Single(wide!.Content)).Text);
    }
}
