using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.Audit;

/// <summary>
/// The audit and the usage ledger keep the agent's slug, the identity's name and the install's slug as they were at
/// the time of the call, through the gateway: a later rename changes no stored row, new calls carry the new names,
/// and the query APIs filter by either.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallerNamesTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public async Task Tool_calls_keep_the_names_of_their_time_and_are_found_by_them_after_a_rename()
    {
        using var tenant = await _registry.CreateTenantAsync("names");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (identity, agent, install) = ($"ada-{suffix}", $"scribe-{suffix}", $"notes-{suffix}");
        var identityId = await tenant.CreateIdentityAsync(identity);
        var agentId = await tenant.CreateAgentAsync(agent, identityId);
        var (_, token) = await tenant.IssueTokenAsync(agentId);
        await using var upstream = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        var installId = await EdgeWorld.CreateInstallAsync(tenant, install, upstream.Endpoint);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);
        var before = Guid.NewGuid().ToString("N");
        Assert.NotEqual(true, (await client.CallToolAsync($"{install}__echo", new Dictionary<string, object?> { ["text"] = before })).IsError);
        var first = await WaitForToolCallAsync(tenant, before);

        await RenameAsync(tenant, identityId, identity + "-new", agentId, agent + "-new", identityId, installId, install + "-new");
        // New calls go by the new namespace as soon as the edge has heard of the rename, and carry the new names.
        JsonElement? renamed = null;
        await Eventually.UntilAsync(
            async () =>
            {
                var marker = Guid.NewGuid().ToString("N");
                try
                {
                    if ((await client.CallToolAsync($"{install}-new__echo", new Dictionary<string, object?> { ["text"] = marker })).IsError == true)
                    {
                        return false;
                    }
                }
                catch (McpProtocolException)
                {
                    // Unknown tool: the edge has not heard of the new namespace yet.
                    return false;
                }
                var row = await WaitForToolCallAsync(tenant, marker);
                renamed = row;
                return row.GetProperty("agentSlug").GetString() == agent + "-new" && row.GetProperty("identityName").GetString() == identity + "-new";
            },
            Timeout,
            () => $"a call after the rename recorded with the new names; last: {renamed}");

        var stored = await ItemAsync(tenant, $"/api/audit/tool-calls?agent={agentId}&limit=500", first.GetProperty("id").GetGuid());
        Assert.Equal((agent, identity, install), (stored.GetProperty("agentSlug").GetString(), stored.GetProperty("identityName").GetString(), stored.GetProperty("installSlug").GetString()));
        Assert.Equal(install + "-new", renamed!.Value.GetProperty("installSlug").GetString());
        foreach (var query in new[] { $"agentSlug={agent}", $"identityName={identity}", $"installSlug={install}", $"agentSlug={agent.ToUpperInvariant()}&installSlug={install}" })
        {
            Assert.Equal([first.GetProperty("id").GetGuid()], await IdsAsync(tenant, $"/api/audit/tool-calls?{query}"));
        }
        Assert.DoesNotContain(first.GetProperty("id").GetGuid(), await IdsAsync(tenant, $"/api/audit/tool-calls?agentSlug={agent}-new"));
        Assert.NotEmpty(await IdsAsync(tenant, $"/api/audit/tool-calls?identityName={identity}-new&installSlug={install}-new"));
        var summary = await tenant.GetAsync($"/api/audit/tool-calls/summary?agentSlug={agent}");
        Assert.Equal(1, summary.GetProperty("tools").EnumerateArray().Single().GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task Model_calls_keep_the_reporters_names_of_their_time_and_are_found_by_them_after_a_rename()
    {
        using var tenant = await _registry.CreateTenantAsync("names-usage");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (identity, agent) = ($"grace-{suffix}", $"tally-{suffix}");
        var identityId = await tenant.CreateIdentityAsync(identity);
        var agentId = await tenant.CreateAgentAsync(agent, identityId);
        var (_, token) = await tenant.IssueTokenAsync(agentId);
        using var reporter = _registry.Gateway(token);
        var first = await ReportAsync(reporter, "before");
        await WaitForModelCallAsync(tenant, first);

        await RenameAsync(tenant, identityId, identity + "-new", agentId, agent + "-new", identityId, installId: null, installSlug: null);
        JsonElement? later = null;
        await Eventually.UntilAsync(
            async () =>
            {
                var id = await ReportAsync(reporter, Guid.NewGuid().ToString("N"));
                later = await WaitForModelCallAsync(tenant, id);
                return later.Value.GetProperty("agentSlug").GetString() == agent + "-new" && later.Value.GetProperty("identityName").GetString() == identity + "-new";
            },
            Timeout,
            () => $"a report after the rename recorded with the new names; last: {later}");

        var stored = await ItemAsync(tenant, $"/api/usage/model-calls?agent={agentId}&limit=500", first);
        Assert.Equal((agent, identity), (stored.GetProperty("agentSlug").GetString(), stored.GetProperty("identityName").GetString()));
        Assert.Equal([first], await IdsAsync(tenant, $"/api/usage/model-calls?agentSlug={agent}"));
        Assert.Equal([first], await IdsAsync(tenant, $"/api/usage/model-calls?identityName={identity}&identity={identityId}"));
        Assert.DoesNotContain(first, await IdsAsync(tenant, $"/api/usage/model-calls?agentSlug={agent}-new"));
        var summary = await tenant.GetAsync($"/api/usage/summary?agentSlug={agent}");
        var day = summary.GetProperty("days").EnumerateArray().Single();
        Assert.Equal((1, agent), (day.GetProperty("calls").GetInt64(), day.GetProperty("agentSlug").GetString()));
    }

    private static async Task RenameAsync(
        TestTenant tenant, Guid identityId, string identityName, Guid agentId, string agentSlug, Guid subjectId, Guid? installId, string? installSlug)
    {
        await PutAsync(tenant, $"/api/registry/identities/{identityId}", new { name = identityName });
        await PutAsync(tenant, $"/api/registry/agents/{agentId}", new { slug = agentSlug, name = $"Agent {agentSlug}", subjectIdentityId = subjectId });
        if (installId is { } id)
        {
            var install = await tenant.GetAsync($"/api/registry/installs/{id}");
            await PutAsync(tenant, $"/api/registry/installs/{id}", new
            {
                slug = installSlug,
                definitionId = install.GetProperty("definitionId").GetGuid(),
                authMethodId = install.GetProperty("authMethodId").GetGuid(),
                callTimeoutSeconds = 30,
            });
        }
    }

    private static async Task PutAsync(TestTenant tenant, string path, object body)
    {
        using var response = await tenant.Admin.PutAsJsonAsync(path, body);
        await Api.ReadAsync(response, $"PUT {path}");
    }

    private static async Task<Guid> ReportAsync(HttpClient reporter, string requestId)
    {
        using var response = await reporter.PostAsJsonAsync("/api/usage/model-calls", new { model = "gpt-5", inputTokens = 10, outputTokens = 1, cost = 0.01m, requestId });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await Api.ReadAsync(response, "report model call")).GetProperty("id").GetGuid();
    }

    /// <summary>The tool call whose arguments contain <paramref name="marker"/>, once the audit API has it.</summary>
    private static async Task<JsonElement> WaitForToolCallAsync(TestTenant tenant, string marker)
    {
        JsonElement? found = null;
        await Eventually.UntilAsync(
            async () => (found = (await tenant.GetAsync("/api/audit/tool-calls?limit=500")).GetProperty("items").EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("arguments").GetRawText().Contains(marker, StringComparison.Ordinal))) is not null,
            Timeout,
            () => $"the call with {marker} in the audit");
        return found!.Value;
    }

    private static async Task<JsonElement> WaitForModelCallAsync(TestTenant tenant, Guid id)
    {
        JsonElement? found = null;
        await Eventually.UntilAsync(
            async () => (found = (await tenant.GetAsync("/api/usage/model-calls?limit=500")).GetProperty("items").EnumerateArray()
                .Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("id").GetGuid() == id)) is not null,
            Timeout,
            () => $"model call {id} in the ledger");
        return found!.Value;
    }

    private static async Task<JsonElement> ItemAsync(TestTenant tenant, string path, Guid id) =>
        (await tenant.GetAsync(path)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);

    private static async Task<List<Guid>> IdsAsync(TestTenant tenant, string path) =>
        [.. (await tenant.GetAsync(path)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
