using Npgsql;
using NpgsqlTypes;

namespace Platform.SecretsVault.Storage;

/// <summary>
/// <c>vault.access_log</c>: a batch is one <c>INSERT ... SELECT FROM unnest(...)</c>, one statement and so one
/// transaction, committed (with PostgreSQL's durable commit: one WAL flush) before it returns. Rows take their ids in
/// the batch's order, so the log's order is the order the records were queued.
/// </summary>
public sealed class AccessLogStore(NpgsqlDataSource dataSource) : IAccessLogStore
{
    private const string InsertBatch = """
        INSERT INTO vault.access_log (caller, operation, tenant_id, secret_id, version, outcome)
        SELECT caller, operation, tenant_id, secret_id, version, outcome
        FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::integer[], $6::text[])
            WITH ORDINALITY AS r (caller, operation, tenant_id, secret_id, version, outcome, position)
        ORDER BY position
        """;

    public async Task WriteAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var command = dataSource.CreateCommand(InsertBatch);
        command.Parameters.Add(Column(records, r => r.Caller, NpgsqlDbType.Text));
        command.Parameters.Add(Column(records, r => r.Operation, NpgsqlDbType.Text));
        command.Parameters.Add(Column(records, r => r.TenantId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Column(records, r => r.SecretId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Column(records, r => r.Version, NpgsqlDbType.Integer));
        command.Parameters.Add(Column(records, r => r.Outcome, NpgsqlDbType.Text));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Column<T>(IReadOnlyList<AccessRecord> records, Func<AccessRecord, T> column, NpgsqlDbType type)
    {
        var values = new T[records.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(records[i]);
        }
        return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
    }
}
