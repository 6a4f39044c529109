using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>
/// The two consumers never mix. MassTransit moves a message that reaches a queue whose consumer does not handle its
/// type to <c>{queue}_skipped</c>; so if either queue were bound to the other's message type (or to any other), the
/// other's events would pile up there. Both events are published here, and each table and skipped queue checked.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class QueueSeparationTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_queue_receives_only_its_own_message_type_and_each_table_only_its_own_records()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        var tenant = Guid.NewGuid().ToString();
        var toolCalls = Enumerable.Range(0, 20).Select(_ => AuditBus.ToolCall(tenant)).ToList();
        var modelCalls = Enumerable.Range(0, 20).Select(_ => AuditBus.ModelCall(tenant)).ToList();
        // The same ids in both streams: a mix-up could not hide behind different ids.
        modelCalls[0] = modelCalls[0] with { Id = toolCalls[0].Id };

        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAllAsync(toolCalls.Cast<object>().Concat(modelCalls).OrderBy(_ => Random.Shared.Next()));
        }

        await database.WaitForToolCallsAsync(tenant, 20, Timeout);
        await database.WaitForModelCallsAsync(tenant, 20, Timeout);
        await Eventually.UntilAsync(
            async () => await queues.ReadyCountAsync("tool-call-audit") == 0 && await queues.ReadyCountAsync("model-usage-ledger") == 0,
            Timeout,
            () => "both queues drained");

        Assert.Equal(20, await database.ToolCallCountAsync(tenant));
        Assert.Equal(20, await database.ModelCallCountAsync(tenant));
        Assert.Equal(0, await database.ScalarAsync(
            "SELECT count(*) FROM audit.tool_calls WHERE id = ANY($1) AND id <> $2", modelCalls.Select(m => m.Id).ToArray(), toolCalls[0].Id));
        Assert.Equal(0, await database.ScalarAsync(
            "SELECT count(*) FROM usage.model_calls WHERE id = ANY($1) AND id <> $2", toolCalls.Select(t => t.Id).ToArray(), toolCalls[0].Id));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM audit.tool_calls WHERE id = $1 AND tool_name = $2", toolCalls[0].Id, toolCalls[0].ToolName));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM usage.model_calls WHERE id = $1 AND model = $2", toolCalls[0].Id, modelCalls[0].Model));
        Assert.Empty(await queues.DrainAsync("tool-call-audit_skipped"));
        Assert.Empty(await queues.DrainAsync("model-usage-ledger_skipped"));
    }

    [Fact]
    public async Task The_two_streams_live_in_separate_schemas()
    {
        var database = new AuditDatabase(platform.GetConnectionString("auditdb"));

        var tables = await database.StringsAsync("""
            SELECT table_schema || '.' || table_name FROM information_schema.tables
            WHERE table_name IN ('tool_calls', 'model_calls') ORDER BY 1
            """);

        Assert.Equal(["audit.tool_calls", "usage.model_calls"], tables);
    }
}
