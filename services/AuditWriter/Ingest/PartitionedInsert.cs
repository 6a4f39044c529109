using Npgsql;
using Platform.AuditWriter.Partitions;

namespace Platform.AuditWriter.Ingest;

/// <summary>
/// Runs a batch insert into a monthly-partitioned table; when a record's month has no partition yet (a late or
/// early record), creates the missing months and runs it once more.
/// </summary>
public static class PartitionedInsert
{
    public static async Task ExecuteAsync(
        NpgsqlDataSource dataSource,
        PartitionMaintenance partitions,
        PartitionedTable table,
        IEnumerable<DateTime> occurredAt,
        Action<NpgsqlParameterCollection> bind,
        string sql,
        CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(dataSource, bind, sql, cancellationToken);
        }
        catch (PostgresException exception) when (DatabaseErrors.IsMissingPartition(exception))
        {
            foreach (var month in occurredAt.Select(PartitionedTable.MonthOf).Distinct())
            {
                await partitions.EnsureAsync(table, month, cancellationToken);
            }
            await RunAsync(dataSource, bind, sql, cancellationToken);
        }
    }

    private static async Task RunAsync(NpgsqlDataSource dataSource, Action<NpgsqlParameterCollection> bind, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command.Parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
