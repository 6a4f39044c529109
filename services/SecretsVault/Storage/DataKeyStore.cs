using Npgsql;
using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Storage;

/// <summary>The live wrapped data keys, for key statistics and the rewrap; never reads ciphertext.</summary>
public sealed class DataKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>Master key version → number of live data keys it wraps.</summary>
    public async Task<IReadOnlyDictionary<int, long>> CountByMasterKeyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT master_key_version, count(*) FROM vault.secret_refs WHERE wrapped_key IS NOT NULL GROUP BY master_key_version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new SortedDictionary<int, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>The next page of live data keys wrapped by one of <paramref name="masterKeyVersions"/>, after the cursor.</summary>
    public async Task<IReadOnlyList<StoredDataKey>> ReadPageAsync(
        int[] masterKeyVersions, (Guid SecretId, int Version) after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT secret_id, tenant_id, version, wrapped_key, master_key_version FROM vault.secret_refs
            WHERE wrapped_key IS NOT NULL AND master_key_version = ANY($1) AND (secret_id, version) > ($2, $3)
            ORDER BY secret_id, version
            LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = masterKeyVersions });
        command.Parameters.Add(new NpgsqlParameter { Value = after.SecretId });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<StoredDataKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new StoredDataKey(
                new SecretBinding(reader.GetGuid(1), reader.GetGuid(0), reader.GetInt32(2)),
                new WrappedDataKey(reader.GetFieldValue<byte[]>(3), reader.GetInt32(4))));
        }
        return page;
    }

    /// <summary>Swaps in the rewrapped key if the row still holds the key that was read (not updated or revoked since).</summary>
    public async Task<bool> ReplaceAsync(StoredDataKey current, WrappedDataKey rewrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rewrapped);
        await using var command = dataSource.CreateCommand("""
            UPDATE vault.secret_refs SET wrapped_key = $4, master_key_version = $5
            WHERE secret_id = $1 AND version = $2 AND wrapped_key = $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = current.Binding.SecretId });
        command.Parameters.Add(new NpgsqlParameter { Value = current.Binding.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = current.DataKey.Wrapped });
        command.Parameters.Add(new NpgsqlParameter { Value = rewrapped.Wrapped });
        command.Parameters.Add(new NpgsqlParameter { Value = rewrapped.MasterKeyVersion });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
