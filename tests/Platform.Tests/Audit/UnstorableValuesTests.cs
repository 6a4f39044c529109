using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>
/// Found by fuzzing: calls with an empty or over-long tool name, a number PostgreSQL cannot store, a NUL or an unpaired
/// surrogate were parked instead of stored, so any agent could make its own calls vanish from the audit. Now each is
/// stored in a safe form and its row names the altered fields; a call that still has to be parked degrades the audit
/// writer's health.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UnstorableValuesTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_call_with_a_value_that_cannot_be_stored_as_given_lands_in_the_audit_marked_altered()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        var tenant = Guid.NewGuid().ToString();
        var expected = new Dictionary<Guid, string>
        {
            [Guid.NewGuid()] = "",
            [Guid.NewGuid()] = "toolName",
            [Guid.NewGuid()] = "toolName",
            [Guid.NewGuid()] = "arguments",
            [Guid.NewGuid()] = "arguments",
            [Guid.NewGuid()] = "arguments",
        };
        var ids = expected.Keys.ToArray();
        ToolCallCompleted[] calls =
        [
            AuditBus.ToolCall(tenant, id: ids[0]) with { ToolName = "" },
            AuditBus.ToolCall(tenant, id: ids[1]) with { ToolName = new string('t', 300) },
            AuditBus.ToolCall(tenant, id: ids[2]) with { ToolName = "nul\u0000tool" },
            AuditBus.ToolCall(tenant, id: ids[3], arguments: """{"n":1e99999999999}"""),
            AuditBus.ToolCall(tenant, id: ids[4], arguments: """{"q":"nul \u0000 here"}"""),
            AuditBus.ToolCall(tenant, id: ids[5], arguments: """{"q":"lone \ud800 surrogate"}"""),
        ];

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(new ToolCallCompletedBatch(calls));
        }

        await database.WaitForToolCallsAsync(tenant, calls.Length, Timeout);
        foreach (var (id, field) in expected)
        {
            var altered = await database.StringsAsync("SELECT array_to_string(altered_fields, ',') FROM audit.tool_calls WHERE id = $1", id);
            Assert.Equal(field, Assert.Single(altered));
        }
        Assert.Equal(["1e99999999999"], await database.StringsAsync("SELECT arguments->>'n' FROM audit.tool_calls WHERE id = $1", ids[3]));
        Assert.Equal(["lone \uFFFD surrogate"], await database.StringsAsync("SELECT arguments->>'q' FROM audit.tool_calls WHERE id = $1", ids[5]));
        Assert.Equal([256], (await database.StringsAsync("SELECT tool_name FROM audit.tool_calls WHERE id = $1", ids[1])).Select(name => name.Length));
        Assert.Equal(["tool"], await database.StringsAsync("SELECT DISTINCT kind FROM audit.tool_calls WHERE tenant_id = $1", tenant));
    }

    [Fact]
    public async Task A_parked_call_degrades_the_audit_writers_health_with_a_count()
    {
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        using var client = platform.CreateHttpClient("audit-writer");
        var noTenant = AuditBus.ToolCall(Guid.NewGuid().ToString()) with { TenantId = "" };

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(noTenant);
        }

        var check = default(JsonElement);
        await Eventually.UntilAsync(
            async () =>
            {
                var body = await client.GetFromJsonAsync<JsonElement>("/health");
                check = body.GetProperty("checks").GetProperty("parked-tool-calls");
                return check.GetProperty("status").GetString() == "Degraded";
            },
            Timeout,
            () => $"audit-writer's parked-tool-calls check degraded; last: {check}");
        Assert.Contains("tool-call-audit_error", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        await Eventually.UntilAsync(
            async () => (await queues.DrainAsync("tool-call-audit_error")).Any(m => m.Body.Contains(noTenant.Id.ToString(), StringComparison.Ordinal)),
            Timeout,
            () => "the call without a tenant in tool-call-audit_error");
    }
}
