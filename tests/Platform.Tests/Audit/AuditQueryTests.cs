using System.Net;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.Audit;

/// <summary><c>/api/audit/**</c> through the gateway with tenant admin keys: filters, pages, summary, confinement.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditQueryTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private AuditQueryWorld _world = null!;

    private TestTenant First => _world.First;

    private TestTenant Second => _world.Second;

    private IReadOnlyList<Contracts.ToolCallCompleted> CallsOfFirst => _world.CallsOfFirst;

    public async Task InitializeAsync() => _world = await AuditQueryWorld.GetAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_tenant_admin_sees_only_its_own_tenants_tool_calls()
    {
        var first = await GetAsync(First.Admin, "/api/audit/tool-calls?limit=500");
        var second = await GetAsync(Second.Admin, "/api/audit/tool-calls?limit=500");

        Assert.Equal(CallsOfFirst.Select(c => c.Id).Order(), Ids(first).Order());
        Assert.Equal(3, Ids(second).Count);
        Assert.Empty(Ids(second).Intersect(Ids(first)));
        // Filters that match the other tenant's rows find nothing outside the caller's tenant.
        var probing = await GetAsync(Second.Admin, $"/api/audit/tool-calls?agent={AuditQueryWorld.AgentX}&install={AuditQueryWorld.InstallA}&tenant={First.Id}");
        Assert.Empty(Ids(probing));
        Assert.Empty(Ids(await GetAsync(First.Admin, $"/api/audit/tool-calls?agent={AuditQueryWorld.AgentY}&agentSlug=agent-x")));
        var summary = await GetAsync(Second.Admin, "/api/audit/tool-calls/summary");
        Assert.Equal(3, summary.GetProperty("tools").EnumerateArray().Sum(t => t.GetProperty("calls").GetInt64()));
    }

    [Theory]
    [InlineData("agent={agentY}", 2)]
    [InlineData("identity={alice}", 5)]
    [InlineData("agentSlug=agent-y", 2)]
    [InlineData("identityName=alice", 5)]
    [InlineData("installSlug=slack", 2)]
    [InlineData("tool=slack__post", 2)]
    [InlineData("outcome=tool-error", 2)]
    [InlineData("outcome=TOOL-ERROR", 2)]
    [InlineData("outcome=failed", 0)]
    [InlineData("tool=github__search&outcome=success&agent={agentX}", 3)]
    [InlineData("installSlug=github&identityName=bob", 0)]
    public async Task Filters_narrow_the_list(string query, int expected)
    {
        query = query.Replace("{agentX}", AuditQueryWorld.AgentX.ToString(), StringComparison.Ordinal)
            .Replace("{agentY}", AuditQueryWorld.AgentY.ToString(), StringComparison.Ordinal)
            .Replace("{alice}", AuditQueryWorld.Alice.ToString(), StringComparison.Ordinal);
        var page = await GetAsync(First.Admin, $"/api/audit/tool-calls?{query}");

        Assert.Equal(expected, Ids(page).Count);
    }

    [Fact]
    public async Task Install_and_time_range_filters_apply()
    {
        var byInstall = await GetAsync(First.Admin, $"/api/audit/tool-calls?install={AuditQueryWorld.InstallB}");
        var from = Uri.EscapeDataString(CallsOfFirst[1].OccurredAt.ToString("O"));
        var to = Uri.EscapeDataString(CallsOfFirst[4].OccurredAt.ToString("O"));
        var byTime = await GetAsync(First.Admin, $"/api/audit/tool-calls?from={from}&to={to}");

        Assert.Equal([CallsOfFirst[6].Id, CallsOfFirst[5].Id], Ids(byInstall));
        Assert.Equal([CallsOfFirst[3].Id, CallsOfFirst[2].Id, CallsOfFirst[1].Id], Ids(byTime));
    }

    [Fact]
    public async Task Keyset_pages_cover_every_row_once_newest_first()
    {
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(First.Admin, $"/api/audit/tool-calls?limit=3{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(Ids(page));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        // The last page has no nextCursor at all (not null), so a loop that sends it back cannot send "null".
        var last = await GetAsync(First.Admin, "/api/audit/tool-calls?limit=500");
        Assert.False(last.TryGetProperty("nextCursor", out _), last.ToString());
        Assert.Equal(CallsOfFirst.OrderByDescending(c => c.OccurredAt).Select(c => c.Id), seen);
    }

    [Fact]
    public async Task The_summary_gives_calls_error_rate_and_duration_percentiles_per_tool()
    {
        var summary = await GetAsync(First.Admin, "/api/audit/tool-calls/summary");

        var tools = summary.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("tool").GetString()!);
        var search = tools["github__search"];
        Assert.Equal(5, search.GetProperty("calls").GetInt64());
        Assert.Equal(2, search.GetProperty("errors").GetInt64());
        Assert.Equal(0.4, search.GetProperty("errorRate").GetDouble(), 6);
        Assert.Equal(30, search.GetProperty("p50DurationMs").GetDouble(), 6);
        Assert.Equal(88, search.GetProperty("p95DurationMs").GetDouble(), 6);
        var post = tools["slack__post"];
        Assert.Equal(2, post.GetProperty("calls").GetInt64());
        Assert.Equal(0, post.GetProperty("errorRate").GetDouble());
        Assert.Equal(6, post.GetProperty("p50DurationMs").GetDouble(), 6);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("install=not-a-guid", "install")]
    [InlineData("install=github", "install")]
    [InlineData("agent=agent-x", "agent")]
    [InlineData("identity=alice", "identity")]
    [InlineData("agentSlug=agent.x", "agentSlug")]
    [InlineData("agentSlug=has%20space", "agentSlug")]
    [InlineData("installSlug=git_hub", "installSlug")]
    [InlineData("identityName=" + Long101, "identityName")]
    [InlineData("kind=tools", "kind")]
    [InlineData("tool=" + Long257, "tool")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("cursor=null", "cursor")]
    [InlineData("outcome=drop%20table", "outcome")]
    [InlineData("outcome=bogus", "outcome")]
    [InlineData("outcome=error", "outcome")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task Bad_filters_get_a_validation_problem_naming_the_field(string query, string field)
    {
        using var response = await First.Admin.GetAsync($"/api/audit/tool-calls?{query}");

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        using var summary = await First.Admin.GetAsync($"/api/audit/tool-calls/summary?{query}");
        if (field is not ("limit" or "cursor"))
        {
            await Api.AssertProblemAsync(summary, HttpStatusCode.BadRequest, field);
        }
    }

    [Theory]
    [InlineData("agent=agent-x", "agent")]
    [InlineData("identity=alice", "identity")]
    [InlineData("agentSlug=Agent_X", "agentSlug")]
    [InlineData("identityName=" + Long101, "identityName")]
    [InlineData("model=" + Long257, "model")]
    [InlineData("provider=" + Long101, "provider")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=null", "cursor")]
    public async Task Bad_usage_filters_get_a_validation_problem_naming_the_field(string query, string field)
    {
        using var response = await First.Admin.GetAsync($"/api/usage/model-calls?{query}");

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        using var summary = await First.Admin.GetAsync($"/api/usage/summary?{query}");
        if (field is not ("limit" or "cursor"))
        {
            await Api.AssertProblemAsync(summary, HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task Reading_the_audit_needs_a_tenant_admin_key()
    {
        using var anonymous = _world.Registry.Gateway(null);
        using var wrongKey = _world.Registry.Gateway("adm_" + new string('x', 40));
        var identity = await First.CreateIdentityAsync($"reader-{Guid.NewGuid():N}");
        var agent = await First.CreateAgentAsync($"reader-{Guid.NewGuid():N}"[..20], identity);
        var (_, token) = await First.IssueTokenAsync(agent);
        using var asAgent = _world.Registry.Gateway(token);

        foreach (var client in new[] { anonymous, wrongKey, asAgent })
        {
            using var response = await client.GetAsync("/api/audit/tool-calls");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_audit_and_usage_endpoints()
    {
        using var gateway = _world.Registry.Gateway(null);
        var document = JsonDocument.Parse(await gateway.GetStringAsync("/api/audit/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/audit/tool-calls", "/api/audit/tool-calls/summary", "/api/usage/model-calls", "/api/usage/summary" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"no {path} in the OpenAPI document");
        }
        Assert.True(paths.GetProperty("/api/usage/model-calls").TryGetProperty("post", out _));
    }

    private const string Long101 = "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn";

    private const string Long257 = Long101 + Long101 + "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn";

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await Api.ReadAsync(response, $"GET {path}");
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
