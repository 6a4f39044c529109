using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Database;

/// <summary>
/// Applies pending migrations, each in its own transaction that first takes a transaction-scoped advisory
/// lock, so replicas starting together apply every script exactly once, in order.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>The advisory lock key ("PLATMIGR"); advisory locks are per database, so one key serves all services.</summary>
    public const long AdvisoryLockKey = 0x504C_4154_4D49_4752;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS public.schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    /// <summary>Applies what is pending and returns how many scripts ran.</summary>
    /// <exception cref="MigrationChecksumException">An applied script was edited afterwards.</exception>
    public async Task<int> ApplyAsync(IReadOnlyList<MigrationScript> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        IReadOnlyDictionary<int, (string Name, string Checksum)> applied;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, CreateHistoryTable, cancellationToken);
            applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        Verify(migrations, applied);
        foreach (var unknown in applied.Keys.Except(migrations.Select(migration => migration.Version)))
        {
            LogUnknownVersion(logger, unknown);
        }

        var count = 0;
        foreach (var migration in migrations.Where(migration => !applied.ContainsKey(migration.Version)))
        {
            if (await ApplyOneAsync(connection, migration, cancellationToken))
            {
                count++;
            }
        }
        return count;
    }

    private async Task<bool> ApplyOneAsync(NpgsqlConnection connection, MigrationScript migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        // Another replica may have applied it between our read and our lock.
        var current = await ReadAppliedAsync(connection, transaction, cancellationToken);
        if (current.ContainsKey(migration.Version))
        {
            Verify([migration], current);
            return false;
        }
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO public.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, migration.Version, migration.Name);
        return true;
    }

    private static void Verify(IEnumerable<MigrationScript> migrations, IReadOnlyDictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var row) && row.Checksum != migration.Checksum)
            {
                throw new MigrationChecksumException(migration.Version, migration.Name, row.Checksum, migration.Checksum);
            }
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM public.schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, (string Name, string Checksum)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D4} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database has migration {Version:D4}, which this build does not know (a newer replica applied it)")]
    private static partial void LogUnknownVersion(ILogger logger, int version);
}
