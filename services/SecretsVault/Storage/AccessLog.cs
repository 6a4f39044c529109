using Npgsql;
using NpgsqlTypes;

namespace Platform.SecretsVault.Storage;

/// <summary>The vault's own access log (<c>vault.access_log</c>).</summary>
public sealed class AccessLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(AccessRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO vault.access_log (caller, operation, tenant_id, secret_id, version, outcome)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = record.Caller });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Operation });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)record.TenantId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)record.SecretId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)record.Version ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Outcome });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
