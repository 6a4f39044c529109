using Npgsql;
using Platform.OAuth;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// Dynamic registrations in brokerdb, their secrets in the vault. A transaction-scoped advisory lock per key makes
/// the registration itself single: a replica that finds none registers while holding the lock, and one racing it
/// waits, then finds the row (the lock is released by the commit, or by the rollback when registering fails).
/// </summary>
public sealed partial class PostgresClientRegistrationStore(NpgsqlDataSource dataSource, PlatformClients clients, ILogger<PostgresClientRegistrationStore> logger)
    : IClientRegistrationStore
{
    private const string Columns = "client_id, client_secret_id, token_endpoint_auth_method";

    public async Task<ClientRegistration> GetOrRegisterAsync(
        ClientRegistrationKey key, Func<CancellationToken, Task<ClientRegistration>> register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(register);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0))", connection))
        {
            command.Parameters.AddWithValue("lock", $"client-registration\n{key.Issuer}\n{key.RedirectUri}\n{key.GrantType}");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (await ReadAsync(connection, key, cancellationToken) is { } stored)
        {
            await transaction.CommitAsync(cancellationToken);
            return await WithSecretAsync(stored, cancellationToken);
        }
        var registration = await register(cancellationToken);
        Guid? secretId = registration.ClientSecret is { } secret
            ? (await clients.Vault.CreateEncryptedAsync(PlatformSecrets.TenantId, SecretPurposes.OAuthClientSecret, secret, cancellationToken)).SecretId
            : null;
        try
        {
            await using var insert = Command(connection,
                $"INSERT INTO broker.client_registrations (issuer, redirect_uri, grant_type, {Columns}) VALUES (@issuer, @redirect, @grant, @client, @secret, @method)", key);
            insert.Parameters.AddWithValue("client", registration.ClientId);
            insert.Parameters.AddWithValue("secret", secretId is { } id ? id : DBNull.Value);
            insert.Parameters.AddWithValue("method", registration.TokenEndpointAuthMethod);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch when (secretId is not null)
        {
            await clients.Vault.RevokeAsync(PlatformSecrets.TenantId, secretId.Value, CancellationToken.None);
            throw;
        }
        LogRegistered(logger, key.Issuer, registration.ClientId);
        return registration;
    }

    /// <summary>The kept registration for <paramref name="key"/> with its secret read from the vault; null when there is none.</summary>
    public async Task<ClientRegistration?> FindAsync(ClientRegistrationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, key, cancellationToken) is { } stored ? await WithSecretAsync(stored, cancellationToken) : null;
    }

    private static async Task<StoredRegistration?> ReadAsync(NpgsqlConnection connection, ClientRegistrationKey key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            $"SELECT {Columns} FROM broker.client_registrations WHERE issuer = @issuer AND redirect_uri = @redirect AND grant_type = @grant", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredRegistration(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2))
            : null;
    }

    private async Task<ClientRegistration> WithSecretAsync(StoredRegistration stored, CancellationToken cancellationToken)
    {
        var secret = stored.SecretId is { } id ? await clients.Vault.ResolveAsync(PlatformSecrets.TenantId, id, cancellationToken) : null;
        return new ClientRegistration(ClientRegistrationKind.Dynamic, stored.ClientId, secret, stored.TokenEndpointAuthMethod);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, ClientRegistrationKey key)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("issuer", key.Issuer);
        command.Parameters.AddWithValue("redirect", key.RedirectUri ?? "");
        command.Parameters.AddWithValue("grant", key.GrantType);
        return command;
    }

    private sealed record StoredRegistration(string ClientId, Guid? SecretId, string TokenEndpointAuthMethod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered with {Issuer} as client {ClientId}; kept for every replica")]
    private static partial void LogRegistered(ILogger logger, string issuer, string clientId);
}
