using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>A revoked agent token stops working at the edge within seconds, on every replica, despite its cache.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentTokenRevocationTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_revoked_token_is_refused_by_both_replicas_within_seconds()
    {
        var world = await EdgeWorld.GetAsync(platform);
        var (tokenId, token) = await world.Tenant.IssueTokenAsync(world.AgentId);
        using var replica0 = platform.CreateHttpClient("mcp-edge", 0);
        using var replica1 = platform.CreateHttpClient("mcp-edge", 1);
        Assert.Equal(HttpStatusCode.OK, (await McpHttp.PostAsync(replica0, token, McpHttp.Request("ping"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await McpHttp.PostAsync(replica1, token, McpHttp.Request("ping"))).Status);

        await world.Tenant.PostAsync($"/api/registry/agents/{world.AgentId}/tokens/{tokenId}/revoke", new { }, "revoke token");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.UntilAsync(
            async () => (await McpHttp.PostAsync(replica0, token, McpHttp.Request("ping"))).Status == HttpStatusCode.Unauthorized
                && (await McpHttp.PostAsync(replica1, token, McpHttp.Request("ping"))).Status == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10),
            () => "the revoked token still works on a replica");
        // Well under the 30 s principal cache: the revocation event dropped the cached entries.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await McpHttp.PostAsync(replica0, world.AgentToken, McpHttp.Request("ping"))).Status);
    }
}
