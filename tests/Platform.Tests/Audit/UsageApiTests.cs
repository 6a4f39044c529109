using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.Audit;

/// <summary><c>/api/usage/**</c> through the gateway: agents report model calls, tenant admins read the ledger.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UsageApiTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly RegistryPlatform _registry = new(platform);
    private readonly AuditDatabase _database = new(platform.GetConnectionString("auditdb"));

    [Fact]
    public async Task An_agent_reports_model_calls_and_its_tenant_admin_reads_them_per_day_agent_and_model()
    {
        using var tenant = await _registry.CreateTenantAsync("usage");
        var (agentId, token) = await CreateAgentAsync(tenant);
        using var agent = _registry.Gateway(token);

        var first = await ReportAsync(agent, new { model = "gpt-5", provider = "openai", inputTokens = 1000, outputTokens = 200, cachedTokens = 100, cost = 0.0123m, latencyMs = 900, requestId = "req-1" });
        await ReportAsync(agent, new { model = "gpt-5", provider = "openai", inputTokens = 500, outputTokens = 50, cost = 0.002m, requestId = "req-2" });
        await ReportAsync(agent, new { model = "claude-opus", provider = "anthropic", inputTokens = 10, outputTokens = 5, cost = 0.5m });
        await _database.WaitForModelCallsAsync(tenant.Id.ToString(), 3, Timeout);

        using var list = await tenant.Admin.GetAsync("/api/usage/model-calls?model=gpt-5");
        var page = await Api.ReadAsync(list, "list model calls");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var reported = items.Single(i => i.GetProperty("id").GetGuid() == first);
        Assert.Equal(agentId.ToString(), reported.GetProperty("agentId").GetString());
        Assert.Equal(1000, reported.GetProperty("inputTokens").GetInt64());
        Assert.Equal(100, reported.GetProperty("cachedTokens").GetInt64());
        Assert.Equal(0.0123m, reported.GetProperty("cost").GetDecimal());
        Assert.Equal("req-1", reported.GetProperty("requestId").GetString());

        using var response = await tenant.Admin.GetAsync("/api/usage/summary");
        var summary = await Api.ReadAsync(response, "usage summary");
        var days = summary.GetProperty("days").EnumerateArray().ToList();
        var gpt = days.Single(d => d.GetProperty("model").GetString() == "gpt-5");
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), gpt.GetProperty("day").GetString());
        Assert.Equal(agentId.ToString(), gpt.GetProperty("agentId").GetString());
        Assert.Equal(2, gpt.GetProperty("calls").GetInt64());
        Assert.Equal(1500, gpt.GetProperty("inputTokens").GetInt64());
        Assert.Equal(250, gpt.GetProperty("outputTokens").GetInt64());
        Assert.Equal(0.0143m, gpt.GetProperty("cost").GetDecimal());
        Assert.Equal(0.5143m, summary.GetProperty("totalCost").GetDecimal());
    }

    [Fact]
    public async Task The_same_request_id_reported_twice_is_recorded_once()
    {
        using var tenant = await _registry.CreateTenantAsync("usage-dup");
        var (_, token) = await CreateAgentAsync(tenant);
        using var agent = _registry.Gateway(token);
        var body = new { model = "gpt-5", inputTokens = 10, outputTokens = 1, cost = 0.001m, requestId = "retry-me" };

        var id = await ReportAsync(agent, body);
        Assert.Equal(id, await ReportAsync(agent, body));
        await ReportAsync(agent, body with { requestId = "after" });
        await _database.WaitForModelCallsAsync(tenant.Id.ToString(), 2, Timeout);
        await Eventually.UntilAsync(
            async () => await new RabbitQueues(platform.GetConnectionString("eventbus")).ReadyCountAsync("model-usage-ledger") == 0,
            Timeout,
            () => "model-usage-ledger drained");

        Assert.Equal(2, await _database.ModelCallCountAsync(tenant.Id.ToString()));
    }

    [Theory]
    [InlineData("""{"inputTokens":1,"outputTokens":1,"cost":0}""", "model")]
    [InlineData("""{"model":"m","inputTokens":-1,"outputTokens":1,"cost":0}""", "inputTokens")]
    [InlineData("""{"model":"m","inputTokens":1,"cost":0}""", "outputTokens")]
    [InlineData("""{"model":"m","inputTokens":1,"outputTokens":1}""", "cost")]
    [InlineData("""{"model":"m","inputTokens":1,"outputTokens":1,"cost":-0.5}""", "cost")]
    [InlineData("""{"model":"m","inputTokens":1,"outputTokens":1,"cost":0,"cachedTokens":2}""", "cachedTokens")]
    [InlineData("""{"model":"m","inputTokens":1,"outputTokens":1,"cost":0,"occurredAt":"2001-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"model":"m","inputTokens":"many","outputTokens":1,"cost":0}""", "inputTokens")]
    [InlineData("""{"model":"m",""", "body")]
    public async Task A_bad_report_gets_a_validation_problem_naming_the_field(string json, string field)
    {
        using var tenant = await _registry.CreateTenantAsync("usage-bad");
        var (_, token) = await CreateAgentAsync(tenant);
        using var agent = _registry.Gateway(token);

        using var response = await agent.PostAsync("/api/usage/model-calls", new StringContent(json, Encoding.UTF8, "application/json"));

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Reporting_needs_an_agent_token_and_reading_needs_an_admin_key()
    {
        using var tenant = await _registry.CreateTenantAsync("usage-auth");
        var (_, token) = await CreateAgentAsync(tenant);
        using var agent = _registry.Gateway(token);
        using var anonymous = _registry.Gateway(null);
        var body = new { model = "m", inputTokens = 1, outputTokens = 1, cost = 0 };

        using (var response = await tenant.Admin.PostAsJsonAsync("/api/usage/model-calls", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using (var response = await anonymous.PostAsJsonAsync("/api/usage/model-calls", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
        foreach (var path in new[] { "/api/usage/model-calls", "/api/usage/summary" })
        {
            using var response = await agent.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using (var response = await agent.PostAsync("/api/usage/model-calls", new StringContent("model=m", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            await Api.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }
    }

    [Fact]
    public async Task A_tenant_admin_never_sees_another_tenants_usage()
    {
        using var first = await _registry.CreateTenantAsync("usage-a");
        using var second = await _registry.CreateTenantAsync("usage-b");
        var (firstAgent, token) = await CreateAgentAsync(first);
        using var agent = _registry.Gateway(token);
        await ReportAsync(agent, new { model = "gpt-5", inputTokens = 10, outputTokens = 1, cost = 1m });
        await _database.WaitForModelCallsAsync(first.Id.ToString(), 1, Timeout);

        using var list = await second.Admin.GetAsync($"/api/usage/model-calls?agent={firstAgent}");
        using var summary = await second.Admin.GetAsync("/api/usage/summary");
        using var own = await first.Admin.GetAsync("/api/usage/model-calls");

        Assert.Empty((await Api.ReadAsync(list, "list")).GetProperty("items").EnumerateArray());
        Assert.Empty((await Api.ReadAsync(summary, "summary")).GetProperty("days").EnumerateArray());
        Assert.Single((await Api.ReadAsync(own, "own list")).GetProperty("items").EnumerateArray());
    }

    private static async Task<(Guid AgentId, string Token)> CreateAgentAsync(TestTenant tenant)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var identity = await tenant.CreateIdentityAsync($"owner-{suffix}");
        var agentId = await tenant.CreateAgentAsync($"agent-{suffix}", identity);
        var (_, token) = await tenant.IssueTokenAsync(agentId);
        return (agentId, token);
    }

    private static async Task<Guid> ReportAsync(HttpClient agent, object body)
    {
        using var response = await agent.PostAsJsonAsync("/api/usage/model-calls", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await Api.ReadAsync(response, "report model call")).GetProperty("id").GetGuid();
    }
}
