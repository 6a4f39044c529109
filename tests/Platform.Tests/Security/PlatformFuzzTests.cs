using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;
using Platform.Tests.Security.Fuzz;
using Xunit.Abstractions;

namespace Platform.Tests.Security;

/// <summary>
/// Thousands of generated hostile inputs against the running platform on loopback (MCP through the gateway and to
/// the edge directly, admin REST bodies, query strings and paths, headers on every kind of route), bounded in time.
/// No answer may be a 5xx, every process must still be the same healthy process afterwards, and nothing accepted is
/// lost: every entry a well-formed create made reads back, and every successful tool call is in the audit.
/// (Webhook bodies and signatures have their own 5,000 inputs in <see cref="Webhooks.WebhookFuzzTests"/>.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PlatformFuzzTests(DistributedApplicationFixture platform, ITestOutputHelper output)
{
    private const int McpInputs = 3500;
    private const int AdminInputs = 2500;
    private const int HeaderInputs = 1500;
    private const int Concurrency = 8;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Hostile_inputs_get_no_5xx_keep_every_service_healthy_and_lose_nothing_accepted()
    {
        var registry = new RegistryPlatform(platform);
        await using var world = await FuzzWorld.CreateAsync(registry);
        var before = await platform.GetResourcesAsync();
        var seed = Environment.TickCount;
        output.WriteLine($"fuzz seed {seed}");
        var random = new Random(seed);
        var mcp = new McpFuzzGenerator(random, world.AgentToken, FuzzWorld.ToolNames, FuzzWorld.ResourceUris, FuzzWorld.PromptNames);
        var admin = new AdminFuzzGenerator(random, world);
        var headers = new HeaderFuzzGenerator(random, world);
        var inputs = Enumerable.Range(0, McpInputs).Select(_ => mcp.Next())
            .Concat(Enumerable.Range(0, AdminInputs).Select(_ => admin.Next()))
            .Concat(Enumerable.Range(0, HeaderInputs).Select(_ => headers.Next()))
            .OrderBy(_ => random.Next()).ToList();

        using var clients = new FuzzClients(platform.App);
        var tally = new FuzzTally();
        var created = new ConcurrentBag<string>();
        var successfulCalls = 0;
        using var budget = new CancellationTokenSource(TimeBudget);
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (input, _) =>
        {
            if (budget.IsCancellationRequested)
            {
                return;
            }
            using var request = input.ToRequest();
            try
            {
                using var response = await clients[input.Target].SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                tally.Answered(input, (int)response.StatusCode, body);
                if (input.Kind == "mcp" && response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref successfulCalls, FuzzAnswers.Messages(response.Content.Headers.ContentType?.MediaType, body).Count(FuzzAnswers.IsSuccessfulToolResult));
                }
                if (input.ReadBack is { } readBack && response.IsSuccessStatusCode && readBack(JsonSerializer.Deserialize<JsonElement>(body)) is { } path)
                {
                    created.Add(path);
                }
            }
            catch (HttpRequestException exception)
            {
                tally.Broke(input, exception);
            }
        });

        output.WriteLine($"sent {tally.Sent} of {inputs.Count} in at most {TimeBudget.TotalSeconds:0} s");
        output.WriteLine(tally.ToString());
        output.WriteLine($"{created.Count} entries created by well-formed inputs; {successfulCalls} successful tool calls");
        foreach (var failure in tally.Failures.Where(f => !f.StartsWith("502", StringComparison.Ordinal)).Take(60))
        {
            output.WriteLine(failure);
        }
        Assert.True(tally.Sent >= 6000, $"only {tally.Sent} inputs were sent within {TimeBudget.TotalSeconds:0} s");

        await AssertSameHealthyProcessesAsync(before);
        await AssertCreatedEntriesReadBackAsync(world, created);
        Assert.True(successfulCalls > 0, "no generated tool call succeeded, so the audit check below would prove nothing");
        await AssertEveryCallAuditedAsync(world, successfulCalls);
        Assert.True(tally.Failures.Count == 0, $"{tally.Failures.Count} inputs got a 5xx or no answer:{Environment.NewLine}{tally.FailedRoutes()}{Environment.NewLine}{string.Join(Environment.NewLine, tally.Failures.Take(15))}");
    }

    private async Task AssertSameHealthyProcessesAsync(IReadOnlyList<ResourceInfo> before)
    {
        var after = (await platform.GetResourcesAsync()).ToDictionary(r => r.Name);
        foreach (var resource in before)
        {
            var now = after[resource.Name];
            Assert.True(now.IsRunningAndHealthy, $"after fuzzing: {now}");
            Assert.True((resource.Pid, resource.StartedAt) == (now.Pid, now.StartedAt), $"{resource.Name} restarted during fuzzing: before {resource}, after {now}");
        }
    }

    private static async Task AssertCreatedEntriesReadBackAsync(FuzzWorld world, IEnumerable<string> created)
    {
        foreach (var path in created)
        {
            using var response = await world.Tenant.Admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} was created but reads back as {(int)response.StatusCode}");
        }
    }

    private async Task AssertEveryCallAuditedAsync(FuzzWorld world, int successfulCalls)
    {
        long audited = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(platform.GetConnectionString("auditdb"));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM audit.tool_calls WHERE tenant_id = @tenant AND outcome = 'success'", connection);
                command.Parameters.AddWithValue("tenant", world.Tenant.Id.ToString());
                audited = (long)(await command.ExecuteScalarAsync())!;
                return audited >= successfulCalls;
            },
            TimeSpan.FromSeconds(90),
            () => $"{successfulCalls} tool calls succeeded but only {audited} are in audit.tool_calls");
    }
}
