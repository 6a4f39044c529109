using System.Net;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.OAuth;

/// <summary>
/// Keeping a person's OAuth tokens fresh on the real platform (two edges, two brokers, brokerdb's row lock), against
/// an authorization server with tokens of seconds that counts every token request: renewed ahead of expiry with no
/// call failing; a hundred calls refused at once across both edges cost one token request; a refused grant makes the
/// credential <c>needs-reauth</c> (announced), the agent gets a connect link, and the person's new consent makes it
/// active again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TokenRefreshTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Tokens_are_renewed_ahead_of_expiry_and_no_call_fails()
    {
        // 6 s tokens: the broker renews them 2 s before they expire (the tests' minimum margin), the edge stops using them then.
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "refresh-ahead", TimeSpan.FromSeconds(6));
        await using var agent = await world.AgentAsync();
        var failures = new List<string>();
        var calls = 0;

        await Eventually.UntilAsync(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                var result = await TokenLifecycleWorld.EchoAsync(agent, $"call {calls++}");
                if (result.IsError == true)
                {
                    failures.Add(TokenLifecycleWorld.Text(result));
                }
            }
            return world.Server.RefreshRequests >= 3;
        }, TimeSpan.FromSeconds(60), () => $"{world.Server.RefreshRequests} refreshes after {calls} calls");

        Assert.Empty(failures);
        Assert.Equal(0, world.Server.RefusedTokens);
        Assert.Equal("active", await world.CredentialStatusAsync());
        var refreshes = await world.BrokerDb.ScalarAsync<int>("SELECT refreshes FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId));
        Assert.Equal(world.Server.RefreshRequests, refreshes);
        var registryExpiry = (await world.Tenant.GetAsync($"/api/registry/credentials/{world.CredentialId}")).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.True(registryExpiry > DateTimeOffset.UtcNow, $"the registry's expiry {registryExpiry:O} follows the renewals");
    }

    [Fact]
    public async Task A_hundred_calls_refused_at_expiry_across_two_edges_and_two_brokers_make_one_token_request()
    {
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "refresh-storm", TimeSpan.FromHours(1));
        await using var first = await world.AgentAsync(replica: 0);
        await using var second = await world.AgentAsync(replica: 1);
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(first, "warm")).IsError);
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(second, "warm")).IsError);
        Assert.Equal(0, world.Server.RefreshRequests);

        // Both edges hold the token; the authorization server now treats it as expired, so every call is refused once.
        world.Server.ExpireAccessTokens();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => TokenLifecycleWorld.EchoAsync(i % 2 == 0 ? first : second, $"storm {i}")));

        Assert.All(results, r => Assert.True(r.IsError != true, TokenLifecycleWorld.Text(r)));
        Assert.Equal(1, world.Server.RefreshRequests);
        Assert.Equal(1, await world.BrokerDb.ScalarAsync<int>("SELECT refreshes FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
        Assert.Equal("active", await world.CredentialStatusAsync());
    }

    [Fact]
    public async Task A_token_the_provider_stops_accepting_early_is_renewed_when_the_agent_reconnects()
    {
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "refresh-listing", TimeSpan.FromHours(1));
        await using (var first = await world.AgentAsync())
        {
            Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(first, "before")).IsError);
        }

        // Long before its expiry the provider stops accepting the token; the agent reconnects, so the edge lists the
        // upstream's tools again with it, is refused, and must renew rather than give up on the person's consent.
        world.Server.ExpireAccessTokens();
        await using var again = await world.AgentAsync();
        var tools = await again.ListToolsAsync();

        Assert.Contains(tools, t => t.Name == TokenLifecycleWorld.EchoTool);
        Assert.Equal(1, world.Server.RefreshRequests);
        Assert.Equal("active", await world.CredentialStatusAsync());
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(again, "after")).IsError);
    }

    [Fact]
    public async Task A_refused_grant_makes_the_credential_needs_reauth_and_the_link_in_the_agents_answer_reconnects_it()
    {
        await using var bus = await BusProbe.StartAsync(platform.GetConnectionString("eventbus"), "CredentialNeedsReauthorization");
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "refresh-refused", TimeSpan.FromHours(1));
        await using var agent = await world.AgentAsync();
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(agent, "before")).IsError);

        // The person withdrew consent at the provider: the token stops working and the refresh token is refused.
        world.Server.ForgetRefreshTokens();
        world.Server.ExpireAccessTokens();
        var refused = await TokenLifecycleWorld.EchoAsync(agent, "after");

        Assert.True(refused.IsError);
        Assert.StartsWith("Not connected: Test AS server no longer accepts your authorization (integration 'test-as'); connect it again", TokenLifecycleWorld.Text(refused), StringComparison.Ordinal);
        Assert.Equal(1, world.Server.RefreshRequests);
        Assert.Equal("needs-reauth", await world.CredentialStatusAsync());
        Assert.Equal("needs-reauth", await world.BrokerDb.ScalarAsync<string>("SELECT status FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
        Assert.Contains("/connect/", TokenLifecycleWorld.Text(refused), StringComparison.Ordinal);
        var announced = await bus.WaitForAsync("CredentialNeedsReauthorization", e => e.GetProperty("credentialId").GetGuid() == world.CredentialId);
        Assert.Equal(world.Tenant.Id.ToString(), announced.GetProperty("tenantId").GetString());

        // The person opens the link from the agent's answer and approves again (this server approves at once).
        using var person = new ConnectBrowser(platform);
        var onward = await person.ContinueAsync(ConnectBrowser.LinkIn(TokenLifecycleWorld.Text(refused)));
        using var provider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await provider.GetAsync(onward.Location);
        var page = await person.ReturnAsync(approved.Headers.Location!);
        CallToolResult? again = null;
        await Eventually.UntilAsync(async () => (again = await TokenLifecycleWorld.EchoAsync(agent, "reconnected")).IsError != true,
            TimeSpan.FromSeconds(15), () => $"the call after reconnecting: {TokenLifecycleWorld.Text(again!)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("active", await world.CredentialStatusAsync());
        Assert.Equal("active", await world.BrokerDb.ScalarAsync<string>("SELECT status FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
    }
}
