using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>
/// Loss-free on the real platform: the audit writer killed mid-stream, and the broker restarted with audit events
/// queued. Events are published the way the edge publishes them, in <c>ToolCallCompletedBatch</c> messages. Each
/// test leaves every resource healthy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditLossTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly AuditDatabase _database = new(platform.GetConnectionString("auditdb"));

    [Fact]
    public async Task A_thousand_events_with_the_audit_writer_killed_mid_stream_give_exactly_a_thousand_rows()
    {
        await platform.WaitForResourceHealthyAsync("audit-writer", Timeout);
        var tenant = Guid.NewGuid().ToString();
        var calls = Enumerable.Range(0, 1000).Select(i => AuditBus.ToolCall(tenant, tool: $"load__tool_{i % 7}")).ToList();
        var victim = await platform.App.GetResourceAsync("audit-writer");
        Assert.NotNull(victim.Pid);

        long rowsAtKill;
        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            // Small messages (10 calls), so the kill lands while many are still queued or waiting for their batch.
            await bus.PublishAllAsync(calls.Take(500), callsPerMessage: 10);
            long seen = 0;
            await Eventually.UntilAsync(async () => (seen = await _database.ToolCallCountAsync(tenant)) > 0, Timeout, () => $"first rows; saw {seen}");
            // The service process itself (Aspire's pid is the dotnet run wrapper above it).
            foreach (var service in ProcessTable.Descendants(victim.Pid.Value, ProcessTable.All()))
            {
                UnixSignal.Send(service.Pid, UnixSignal.SigKill);
            }
            rowsAtKill = await _database.ToolCallCountAsync(tenant);
            // The second half goes out while the writer is dead or restarting: it waits in the durable queue.
            await bus.PublishAllAsync(calls.Skip(500), callsPerMessage: 10);
        }

        // Aspire does not restart a crashed resource: the operator (here the test) starts it again.
        ResourceInfo after = victim;
        await Eventually.UntilAsync(
            async () => (after = await platform.App.GetResourceAsync("audit-writer")).State != "running",
            Timeout,
            () => $"audit-writer seen dead after the kill; now {after}");
        await platform.ExecuteCommandAsync("audit-writer", "start");
        await Eventually.UntilAsync(
            async () => (after = await platform.App.GetResourceAsync("audit-writer")).Pid != victim.Pid && after.IsRunningAndHealthy,
            Timeout,
            () => $"audit-writer started again after the kill; now {after}");
        await _database.WaitForToolCallsAsync(tenant, 1000, Timeout);
        await WaitForQueueDrainedAsync();

        Assert.True(rowsAtKill < 1000, $"the kill came after all rows were written ({rowsAtKill})");
        Assert.Equal(1000, await _database.ToolCallCountAsync(tenant));
        Assert.Equal(1000, await _database.DistinctToolCallIdsAsync(tenant));
        Assert.Equal(0, await _database.ScalarAsync(
            "SELECT count(*) FROM audit.tool_calls WHERE tenant_id = $1 AND NOT (id = ANY($2))", tenant, calls.Select(c => c.Id).ToArray()));
        await ResourceCommands.WaitForAllHealthyAsync(platform, Timeout);
    }

    [Fact]
    public async Task Audit_events_queued_while_the_writer_is_down_survive_a_broker_restart()
    {
        var tenant = Guid.NewGuid().ToString();
        var calls = Enumerable.Range(0, 300).Select(_ => AuditBus.ToolCall(tenant)).ToList();
        var usage = Enumerable.Range(0, 30).Select(_ => AuditBus.ModelCall(tenant)).ToList();
        var writerStopped = false;
        var brokerStopped = false;
        try
        {
            await ResourceCommands.RunAsync(platform, "audit-writer", "stop");
            writerStopped = true;
            await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
            {
                await bus.PublishAllAsync(calls);
                await bus.PublishAllAsync(usage);
            }
            await ResourceCommands.RunAsync(platform, "eventbus", "stop");
            brokerStopped = true;
        }
        finally
        {
            if (brokerStopped)
            {
                await ResourceCommands.RunAsync(platform, "eventbus", "start");
                await platform.WaitForResourceHealthyAsync("eventbus", Timeout);
            }
            if (writerStopped)
            {
                await ResourceCommands.RunAsync(platform, "audit-writer", "start");
            }
        }

        await _database.WaitForToolCallsAsync(tenant, 300, Timeout);
        await _database.WaitForModelCallsAsync(tenant, 30, Timeout);
        await WaitForQueueDrainedAsync();
        Assert.Equal(300, await _database.DistinctToolCallIdsAsync(tenant));
        Assert.Equal(300, await _database.ToolCallCountAsync(tenant));
        Assert.Equal(30, await _database.ModelCallCountAsync(tenant));
        await ResourceCommands.WaitForAllHealthyAsync(platform, Timeout);
    }

    private async Task WaitForQueueDrainedAsync()
    {
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        uint? ready = null;
        await Eventually.UntilAsync(async () => (ready = await queues.ReadyCountAsync("tool-call-audit")) == 0, Timeout, () => $"tool-call-audit drained; {ready} ready");
    }
}
