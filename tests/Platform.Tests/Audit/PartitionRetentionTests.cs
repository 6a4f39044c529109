using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>Monthly partitions are made ahead of time; retention drops whole expired partitions.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PartitionRetentionTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly AuditDatabase _database = new(platform.GetConnectionString("auditdb"));

    [Fact]
    public async Task Partitions_exist_from_last_month_to_two_months_ahead_for_both_tables()
    {
        var now = DateTime.UtcNow;
        foreach (var table in new[] { "audit.tool_calls", "usage.model_calls" })
        {
            var partitions = await PartitionsAsync(table);
            for (var offset = -1; offset <= 2; offset++)
            {
                var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(offset);
                Assert.Contains($"{table.Split('.')[1]}_p{month:yyyyMM}", partitions);
            }
        }
    }

    [Fact]
    public async Task The_retention_pass_drops_whole_expired_partitions_and_keeps_current_ones()
    {
        var old = new DateTime(2001, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        var tenant = Guid.NewGuid().ToString();
        await _database.ExecuteAsync("SELECT public.ensure_monthly_partition('audit.tool_calls', $1)", old);
        await _database.ExecuteAsync("SELECT public.ensure_monthly_partition('usage.model_calls', $1)", old);
        await _database.ExecuteAsync("""
            INSERT INTO audit.tool_calls (id, occurred_at, tenant_id, agent_id, subject_id, install_id, tool_name, upstream_tool_name,
                started_at, duration_ms, outcome, arguments, bytes_in, bytes_out)
            VALUES (gen_random_uuid(), $1, $2, 'a', 's', gen_random_uuid(), 't', 't', $1, 1, 'success', '{}', 0, 0)
            """, old, tenant);
        Assert.Contains("tool_calls_p200101", await PartitionsAsync("audit.tool_calls"));
        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(AuditBus.ToolCall(tenant));
        }
        await _database.WaitForToolCallsAsync(tenant, 2, Timeout);

        // The pass runs when the audit writer starts (then hourly).
        await ResourceCommands.RunAsync(platform, "audit-writer", "restart");
        await Eventually.UntilAsync(
            async () => !(await PartitionsAsync("audit.tool_calls")).Contains("tool_calls_p200101")
                && !(await PartitionsAsync("usage.model_calls")).Contains("model_calls_p200101"),
            Timeout,
            () => "the 2001-01 partitions dropped");

        Assert.Equal(1, await _database.ToolCallCountAsync(tenant));
        await ResourceCommands.WaitForAllHealthyAsync(platform, Timeout);
    }

    private Task<List<string>> PartitionsAsync(string table) =>
        _database.StringsAsync("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass", table);
}
