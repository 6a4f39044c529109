using Npgsql;

namespace Platform.Tests.Vault;

/// <summary>Plain SQL against the platform's vaultdb, to look at what the vault stored.</summary>
public sealed class VaultDatabase(string connectionString)
{
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>Runs a statement that returns no rows (DDL, for a test that makes the database misbehave).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the vault's tables for one secret, as JSON text (bytea as hex), to search for plaintext.</summary>
    public async Task<IReadOnlyList<string>> RowsOfAsync(Guid secretId) => [
        .. await QueryAsync("SELECT row_to_json(s)::text FROM vault.secrets s WHERE id = $1", r => r.GetString(0), secretId),
        .. await QueryAsync("SELECT row_to_json(r)::text FROM vault.secret_refs r WHERE secret_id = $1", r => r.GetString(0), secretId),
        .. await QueryAsync("SELECT row_to_json(a)::text FROM vault.access_log a WHERE secret_id = $1", r => r.GetString(0), secretId),
    ];

    /// <summary>The raw bytes of every bytea column of a secret's versions, concatenated.</summary>
    public async Task<byte[]> StoredBytesAsync(Guid secretId)
    {
        var rows = await QueryAsync(
            "SELECT coalesce(ciphertext, ''::bytea) || coalesce(nonce, ''::bytea) || coalesce(tag, ''::bytea) || coalesce(wrapped_key, ''::bytea) FROM vault.secret_refs WHERE secret_id = $1",
            r => r.GetFieldValue<byte[]>(0), secretId);
        return [.. rows.SelectMany(b => b)];
    }
}
