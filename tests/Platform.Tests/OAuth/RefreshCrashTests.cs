using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.OAuth;

/// <summary>
/// A broker killed in the middle of storing a renewal strands nothing. The authorization server rotates refresh
/// tokens strictly (the one presented stops working the moment it answers), so a broker that lost the rotated token
/// would leave the credential needing a new consent. Broker replica 0 is armed to kill itself (SIGKILL) right after
/// the rotated refresh token, or both tokens, reached the vault; the agent's next refused call is renewed from what
/// was stored, with no consent and no failed call. Killed before anything was stored, it fails safe: a new consent.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RefreshCrashTests(DistributedApplicationFixture platform)
{
    [Theory]
    [InlineData("refresh-token-stored")]
    [InlineData("access-token-stored")]
    public async Task A_broker_killed_while_storing_a_rotation_leaves_a_credential_that_renews(string crashPoint)
    {
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, $"crash-{crashPoint}", TimeSpan.FromHours(1));
        await using var agent = await world.AgentAsync();
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(agent, "before")).IsError);
        await KillBrokerReplicaAtAsync(world, crashPoint);

        // Every token issued so far is now refused; the edge's renewal must start from the rotated refresh token.
        world.Server.ExpireAccessTokens();
        var after = await TokenLifecycleWorld.EchoAsync(agent, "after the crash");

        Assert.True(after.IsError != true, TokenLifecycleWorld.Text(after));
        Assert.Equal(2, world.Server.RefreshRequests);
        Assert.Equal("active", await world.CredentialStatusAsync());
        Assert.Equal("active", await world.BrokerDb.ScalarAsync<string>("SELECT status FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
        Assert.Equal(1, await world.BrokerDb.ScalarAsync<int>("SELECT refreshes FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
    }

    /// <summary>
    /// A broker that dies before anything of the server's answer is stored: the rotated refresh token is lost with
    /// it (the one window the design leaves, see docs/architecture.md), and a strictly rotating server refuses the old
    /// one. The credential is never stuck nor silently wrong: it becomes <c>needs-reauth</c>, and the agent's answer
    /// carries a connect link.
    /// </summary>
    [Fact]
    public async Task A_broker_killed_before_storing_anything_leaves_a_credential_that_asks_for_consent()
    {
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "crash-received", TimeSpan.FromHours(1));
        await using var agent = await world.AgentAsync();
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(agent, "before")).IsError);

        await KillBrokerReplicaAtAsync(world, "tokens-received");
        world.Server.ExpireAccessTokens();
        var after = await TokenLifecycleWorld.EchoAsync(agent, "after the crash");

        Assert.True(after.IsError);
        Assert.Contains("/connect/", TokenLifecycleWorld.Text(after), StringComparison.Ordinal);
        Assert.Equal(2, world.Server.RefreshRequests);
        Assert.Equal("needs-reauth", await world.CredentialStatusAsync());
    }

    /// <summary>Arms <paramref name="crashPoint"/> in broker replica 0, makes it renew the credential (and die there), then starts it again.</summary>
    private async Task KillBrokerReplicaAtAsync(TokenLifecycleWorld world, string crashPoint)
    {
        var broker = new RegistryPlatform(platform);
        using var replica = platform.CreateHttpClient("oauth-broker", 0);
        replica.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", broker.ServiceKey("mcp-edge"));
        try
        {
            using (var armed = await replica.PostAsync($"/internal/oauth/crash-points/{crashPoint}", null))
            {
                Assert.Equal(HttpStatusCode.NoContent, armed.StatusCode);
            }
            // The edge's way of asking for a renewal: the stored token was refused upstream.
            var stored = await world.BrokerDb.ScalarAsync<byte[]>("SELECT access_token_sha256 FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId));
            var renewal = new { tenantId = world.Tenant.Id, rejectedTokenSha256 = Convert.ToHexStringLower(stored!) };
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => replica.PostAsJsonAsync($"/internal/oauth/credentials/{world.CredentialId}/token", renewal));
            await Eventually.UntilAsync(async () => (await platform.App.GetResourceAsync("oauth-broker-0")).State is not ("running" or "starting"),
                TimeSpan.FromSeconds(30), () => "broker replica 0 gone after its crash point");
            Assert.Equal(1, world.Server.RefreshRequests);
            Assert.Equal(0, await world.BrokerDb.ScalarAsync<int>("SELECT refreshes FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));
        }
        finally
        {
            await platform.App.StartInstanceAsync("oauth-broker", 0);
            await platform.WaitForResourceHealthyAsync("oauth-broker", TimeSpan.FromSeconds(90));
            await Eventually.UntilAsync(async () =>
            {
                using var again = platform.CreateHttpClient("oauth-broker", 0);
                try
                {
                    return (await again.GetAsync("/health")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(60), () => $"broker replica 0 answering at {platform.App.GetEndpoint("oauth-broker", 0)}; Aspire shows {string.Join("; ", platform.GetResourcesAsync().Result.Where(r => r.Resource == "oauth-broker"))}");
        }
    }
}
