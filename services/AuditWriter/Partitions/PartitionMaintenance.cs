using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.AuditWriter.Partitions;

/// <summary>
/// Creates monthly partitions (ahead of time, and on demand for a late record) and drops whole partitions past
/// retention, through the SQL functions of migration 0002 so that replicas can run it concurrently.
/// </summary>
public sealed partial class PartitionMaintenance(
    NpgsqlDataSource dataSource, IOptionsMonitor<RetentionOptions> options, TimeProvider timeProvider, ILogger<PartitionMaintenance> logger)
{
    /// <summary>One pass: the previous, current and next <see cref="RetentionOptions.MonthsAhead"/> months exist; expired months are gone.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var dropped = new List<string>();
        foreach (var table in PartitionedTable.All)
        {
            var month = PartitionedTable.MonthOf(now).AddMonths(-1);
            for (var i = 0; i <= settings.MonthsAhead + 1; i++, month = month.AddMonths(1))
            {
                if (month.AddMonths(1) > Cutoff(table, now))
                {
                    await EnsureAsync(table, month, cancellationToken);
                }
            }
            dropped.AddRange(await DropExpiredAsync(table, now, cancellationToken));
        }
        return dropped;
    }

    /// <summary>The oldest instant still kept in <paramref name="table"/>.</summary>
    public DateTime Cutoff(PartitionedTable table, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(table);
        return now - table.KeepFor(options.CurrentValue);
    }

    public async Task EnsureAsync(PartitionedTable table, DateTime month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var command = dataSource.CreateCommand("SELECT public.ensure_monthly_partition($1::regclass, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = PartitionedTable.MonthOf(month) });
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<string>> DropExpiredAsync(PartitionedTable table, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT public.drop_monthly_partitions_before($1::regclass, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = Cutoff(table, now) });
        var dropped = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dropped.Add(reader.GetString(0));
            LogDropped(logger, reader.GetString(0), table.Name);
        }
        return dropped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: dropped partition {Partition} of {Table}")]
    private static partial void LogDropped(ILogger logger, string partition, string table);
}
