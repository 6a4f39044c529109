using System.Text.Json;
using ModelContextProtocol.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// <c>platform__list_integrations</c> tells the truth about an upstream whose calls fail: the failure in words and
/// when, whether its tools were listed just now or cached, and success again once it recovers. Status is per edge
/// replica (the answer says so), so the test talks to one replica.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IntegrationStatusTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_failing_upstream_shows_its_error_and_time_and_success_after_recovery()
    {
        // A tenant of its own: the install outlives this test's upstream, and must not change what the shared EdgeWorld lists.
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("edge-own");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", await tenant.CreateIdentityAsync("owner")));
        var upstream = new FidelityUpstream { Failing = true };
        await using var server = await TestUpstream.StartPerRequestAsync(upstream.Create);
        var slug = "flaky-" + Guid.NewGuid().ToString("N")[..6];
        await EdgeWorld.CreateInstallAsync(tenant, slug, server.Endpoint);
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, token);
        var before = DateTimeOffset.UtcNow;

        var (seenBy, untried) = await IntegrationAsync(client, slug);
        var failed = await client.CallToolAsync($"{slug}__work");
        var (_, failing) = await IntegrationAsync(client, slug);
        upstream.Failing = false;
        var worked = await client.CallToolAsync($"{slug}__work");
        var (_, recovered) = await IntegrationAsync(client, slug);
        var after = DateTimeOffset.UtcNow;

        Assert.Contains("edge replica that answered", seenBy, StringComparison.Ordinal);
        Assert.Equal("available", untried.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, untried.GetProperty("lastCall").ValueKind);
        Assert.Equal("fresh", untried.GetProperty("listing").GetProperty("source").GetString());

        Assert.True(failed.IsError);
        Assert.Equal("failing", failing.GetProperty("status").GetString());
        Assert.Contains("the database is down", failing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var lastFailure = failing.GetProperty("lastCall");
        Assert.Equal("failed", lastFailure.GetProperty("outcome").GetString());
        Assert.Contains("the database is down", lastFailure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.InRange(lastFailure.GetProperty("at").GetDateTimeOffset(), before, after);
        Assert.Equal("cached", failing.GetProperty("listing").GetProperty("source").GetString());

        Assert.NotEqual(true, worked.IsError);
        Assert.Equal("available", recovered.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, recovered.GetProperty("detail").ValueKind);
        var lastSuccess = recovered.GetProperty("lastCall");
        Assert.Equal("success", lastSuccess.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, lastSuccess.GetProperty("error").ValueKind);
        Assert.InRange(lastSuccess.GetProperty("at").GetDateTimeOffset(), lastFailure.GetProperty("at").GetDateTimeOffset(), after);
    }

    private static async Task<(string SeenBy, JsonElement Integration)> IntegrationAsync(McpClient client, string slug)
    {
        var answer = (await client.CallToolAsync("platform__list_integrations")).StructuredContent!.Value;
        var integration = answer.GetProperty("integrations").EnumerateArray().Single(i => i.GetProperty("namespace").GetString() == slug);
        return (answer.GetProperty("seenBy").GetString()!, integration);
    }
}
