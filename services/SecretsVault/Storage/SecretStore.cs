using Npgsql;
using NpgsqlTypes;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Storage;

/// <summary>
/// The vault's tables (<c>vault.secrets</c>, <c>vault.secret_refs</c>). Every query names the tenant, so another
/// tenant's secret looks exactly like an unknown one.
/// </summary>
public sealed class SecretStore(NpgsqlDataSource dataSource)
{
    private const string SelectCurrent = """
        SELECT s.kind, s.purpose, s.current_version, s.created_at, s.updated_at, s.revoked_at,
               r.ciphertext, r.nonce, r.tag, r.wrapped_key, r.master_key_version, r.env_variable, r.cloud_uri
        FROM vault.secrets s
        LEFT JOIN vault.secret_refs r ON r.secret_id = s.id AND r.version = s.current_version
        WHERE s.id = $1 AND s.tenant_id = $2
        """;

    // One statement: the reference's foreign key is checked at its end, when the secret row exists.
    private const string InsertSecret = """
        WITH secret AS (
            INSERT INTO vault.secrets (id, tenant_id, kind, purpose, current_version, created_by)
            VALUES ($1, $2, $3, $4, 1, $5))
        INSERT INTO vault.secret_refs (secret_id, tenant_id, kind, version, ciphertext, nonce, tag, wrapped_key, master_key_version, env_variable, cloud_uri)
        VALUES ($1, $2, $3, 1, $6, $7, $8, $9, $10, $11, $12)
        """;

    private const string InsertVersion = """
        INSERT INTO vault.secret_refs (secret_id, tenant_id, kind, version, ciphertext, nonce, tag, wrapped_key, master_key_version)
        VALUES ($1, $2, 'encrypted', $3, $4, $5, $6, $7, $8)
        """;

    private const string DestroyKeyMaterial = """
        UPDATE vault.secret_refs
        SET ciphertext = NULL, nonce = NULL, tag = NULL, wrapped_key = NULL, master_key_version = NULL, destroyed_at = now()
        WHERE secret_id = $1 AND version < $2 AND destroyed_at IS NULL
        """;

    public async Task CreateAsync(NewSecret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var sealedSecret = (secret.Reference as EncryptedReference)?.Sealed;
        await using var command = dataSource.CreateCommand(InsertSecret);
        command.Parameters.Add(new NpgsqlParameter { Value = secret.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = secret.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = secret.Reference.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = secret.Purpose });
        command.Parameters.Add(new NpgsqlParameter { Value = secret.CreatedBy });
        AddSealed(command.Parameters, sealedSecret);
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, (secret.Reference as EnvReference)?.VariableName));
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, (secret.Reference as CloudReference)?.Identifier.Canonical));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The secret with its current version, or null if this tenant has no such secret.</summary>
    public async Task<StoredSecret?> FindAsync(Guid tenantId, Guid secretId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectCurrent);
        command.Parameters.Add(new NpgsqlParameter { Value = secretId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var kind = reader.GetString(0);
        return new StoredSecret(
            secretId,
            tenantId,
            kind,
            reader.GetString(1),
            reader.GetInt32(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            ReadReference(reader, kind));
    }

    /// <summary>
    /// Writes version n+1 of an encrypted secret, sealed by <paramref name="seal"/> for that version, and destroys
    /// the key material of every older version, in one transaction.
    /// </summary>
    public async Task<(WriteOutcome Outcome, int Version)> AddVersionAsync(
        Guid tenantId, Guid secretId, Func<int, SealedSecret> seal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (outcome, current) = await LockAsync(connection, transaction, tenantId, secretId, requireEncrypted: true, cancellationToken);
        if (outcome != WriteOutcome.Done)
        {
            return (outcome, current);
        }
        var version = current + 1;
        var sealedSecret = seal(version);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(InsertVersion);
        insert.Parameters.Add(new NpgsqlParameter { Value = secretId });
        insert.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        insert.Parameters.Add(new NpgsqlParameter { Value = version });
        AddSealed(insert.Parameters, sealedSecret);
        batch.BatchCommands.Add(insert);
        var destroy = new NpgsqlBatchCommand(DestroyKeyMaterial);
        destroy.Parameters.Add(new NpgsqlParameter { Value = secretId });
        destroy.Parameters.Add(new NpgsqlParameter { Value = version });
        batch.BatchCommands.Add(destroy);
        var advance = new NpgsqlBatchCommand("UPDATE vault.secrets SET current_version = $2, updated_at = now() WHERE id = $1");
        advance.Parameters.Add(new NpgsqlParameter { Value = secretId });
        advance.Parameters.Add(new NpgsqlParameter { Value = version });
        batch.BatchCommands.Add(advance);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WriteOutcome.Done, version);
    }

    /// <summary>Marks the secret revoked and destroys the key material of every version (crypto-shredding).</summary>
    public async Task<(WriteOutcome Outcome, int Version)> RevokeAsync(Guid tenantId, Guid secretId, string revokedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (outcome, current) = await LockAsync(connection, transaction, tenantId, secretId, requireEncrypted: false, cancellationToken);
        if (outcome != WriteOutcome.Done)
        {
            return (outcome, current);
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        var revoke = new NpgsqlBatchCommand("UPDATE vault.secrets SET revoked_at = now(), revoked_by = $2, updated_at = now() WHERE id = $1");
        revoke.Parameters.Add(new NpgsqlParameter { Value = secretId });
        revoke.Parameters.Add(new NpgsqlParameter { Value = revokedBy });
        batch.BatchCommands.Add(revoke);
        var destroy = new NpgsqlBatchCommand(DestroyKeyMaterial);
        destroy.Parameters.Add(new NpgsqlParameter { Value = secretId });
        destroy.Parameters.Add(new NpgsqlParameter { Value = int.MaxValue });
        batch.BatchCommands.Add(destroy);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WriteOutcome.Done, current);
    }

    private static async Task<(WriteOutcome Outcome, int Version)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid secretId, bool requireEncrypted, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT kind, current_version, revoked_at IS NOT NULL FROM vault.secrets WHERE id = $1 AND tenant_id = $2 FOR UPDATE",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = secretId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (WriteOutcome.NotFound, 0);
        }
        var version = reader.GetInt32(1);
        if (reader.GetBoolean(2))
        {
            return (WriteOutcome.Revoked, version);
        }
        return requireEncrypted && reader.GetString(0) != SecretKinds.Encrypted ? (WriteOutcome.NotEncrypted, version) : (WriteOutcome.Done, version);
    }

    private static SecretReference? ReadReference(NpgsqlDataReader reader, string kind) => kind switch
    {
        SecretKinds.Encrypted when !reader.IsDBNull(6) && !reader.IsDBNull(9) => new EncryptedReference(new SealedSecret(
            reader.GetFieldValue<byte[]>(6),
            reader.GetFieldValue<byte[]>(7),
            reader.GetFieldValue<byte[]>(8),
            new WrappedDataKey(reader.GetFieldValue<byte[]>(9), reader.GetInt32(10)))),
        SecretKinds.Env when !reader.IsDBNull(11) => new EnvReference(reader.GetString(11)),
        SecretKinds.Cloud when !reader.IsDBNull(12) && CloudSecretIdentifier.TryParse(reader.GetString(12), out var identifier, out _) =>
            new CloudReference(identifier),
        _ => null,
    };

    private static void AddSealed(NpgsqlParameterCollection parameters, SealedSecret? sealedSecret)
    {
        parameters.Add(Nullable(NpgsqlDbType.Bytea, sealedSecret?.Ciphertext));
        parameters.Add(Nullable(NpgsqlDbType.Bytea, sealedSecret?.Nonce));
        parameters.Add(Nullable(NpgsqlDbType.Bytea, sealedSecret?.Tag));
        parameters.Add(Nullable(NpgsqlDbType.Bytea, sealedSecret?.DataKey.Wrapped));
        parameters.Add(Nullable(NpgsqlDbType.Integer, sealedSecret?.DataKey.MasterKeyVersion));
    }

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
