using Npgsql;
using Platform.OAuthBroker.Engine;

namespace Platform.OAuthBroker.Tokens;

/// <summary>
/// <c>broker.oauth_tokens</c>: written when a consent completes, locked row by row while a refresh or an upstream
/// revocation runs (the caller owns the connection and transaction, so the lock lasts until it commits), listed by the
/// refresh sweep and the revocation loop when due, deleted once its tokens are revoked upstream.
/// </summary>
public sealed class OAuthTokenStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "credential_id, tenant_id, install_id, identity_id, access_secret_id, refresh_secret_id, access_token_sha256, session::text, scope, issued_at, expires_at, refresh_at, status";

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>
    /// A completed consent: the credential's row created, or replaced when the person connected again; then the
    /// replaced tokens are retired in the same transaction, as a revoked row of their own that the revocation loop
    /// revokes upstream (<see cref="Revocation.UpstreamRevoker"/>).
    /// </summary>
    public async Task SaveConnectedAsync(OAuthTokenRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var retire = new NpgsqlCommand(
            """
            INSERT INTO broker.oauth_tokens (credential_id, tenant_id, install_id, identity_id, access_secret_id, refresh_secret_id, access_token_sha256,
                session, scope, issued_at, expires_at, refresh_at, status, revocation_due_at, retired_from)
            SELECT @retired, tenant_id, install_id, identity_id, access_secret_id, refresh_secret_id, access_token_sha256,
                session, scope, issued_at, expires_at, NULL, 'revoked', now(), credential_id
            FROM broker.oauth_tokens
            WHERE credential_id = @credential AND tenant_id = @tenant AND status <> 'revoked' AND access_secret_id <> @access
            FOR UPDATE
            """, connection, transaction))
        {
            retire.Parameters.AddWithValue("retired", Guid.CreateVersion7());
            retire.Parameters.AddWithValue("credential", row.CredentialId);
            retire.Parameters.AddWithValue("tenant", row.Binding.TenantId);
            retire.Parameters.AddWithValue("access", row.AccessSecretId);
            await retire.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO broker.oauth_tokens ({Columns.Replace("::text", "", StringComparison.Ordinal)})
            VALUES (@credential, @tenant, @install, @identity, @access, @refresh, @sha, @session::jsonb, @scope, @issued, @expires, @refreshAt, 'active')
            ON CONFLICT (credential_id) DO UPDATE SET
                access_secret_id = excluded.access_secret_id, refresh_secret_id = excluded.refresh_secret_id,
                access_token_sha256 = excluded.access_token_sha256, session = excluded.session, scope = excluded.scope,
                issued_at = excluded.issued_at, expires_at = excluded.expires_at, refresh_at = excluded.refresh_at, status = 'active'
            """, connection, transaction);
        command.Parameters.AddWithValue("credential", row.CredentialId);
        command.Parameters.AddWithValue("tenant", row.Binding.TenantId);
        command.Parameters.AddWithValue("install", row.Binding.InstallId);
        command.Parameters.AddWithValue("identity", row.Binding.IdentityId);
        command.Parameters.AddWithValue("access", row.AccessSecretId);
        command.Parameters.AddWithValue("refresh", row.RefreshSecretId is { } refresh ? refresh : DBNull.Value);
        command.Parameters.AddWithValue("sha", row.AccessTokenSha256);
        command.Parameters.AddWithValue("session", row.SessionJson);
        command.Parameters.AddWithValue("scope", (object?)row.Scope ?? DBNull.Value);
        AddTimes(command, row.IssuedAt, row.ExpiresAt, row.RefreshAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The scopes the identity last granted on the install (null when it holds no OAuth credential there).</summary>
    public async Task<string?> GrantedScopeAsync(AuthorizationBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        await using var command = dataSource.CreateCommand(
            "SELECT scope FROM broker.oauth_tokens WHERE tenant_id = @tenant AND install_id = @install AND identity_id = @identity AND status <> 'revoked' ORDER BY issued_at DESC LIMIT 1");
        command.Parameters.AddWithValue("tenant", binding.TenantId);
        command.Parameters.AddWithValue("install", binding.InstallId);
        command.Parameters.AddWithValue("identity", binding.IdentityId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// The row, locked until the caller's transaction ends; a caller racing for it waits and then reads what the
    /// winner committed. With <paramref name="skipLocked"/> a row being refreshed is skipped (null) instead.
    /// </summary>
    public static async Task<OAuthTokenRow?> LockAsync(NpgsqlConnection connection, Guid tenantId, Guid credentialId, bool skipLocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM broker.oauth_tokens WHERE credential_id = @credential AND tenant_id = @tenant FOR UPDATE{(skipLocked ? " SKIP LOCKED" : "")}", connection);
        command.Parameters.AddWithValue("credential", credentialId);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new OAuthTokenRow(
            reader.GetGuid(0),
            new AuthorizationBinding(reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3)),
            reader.GetGuid(4),
            reader.IsDBNull(5) ? null : reader.GetGuid(5),
            reader.GetFieldValue<byte[]>(6),
            reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            reader.GetString(12));
    }

    /// <summary>The renewed token's digest and times (its material is already in the vault).</summary>
    public static async Task<OAuthTokenRow> RecordRefreshAsync(
        NpgsqlConnection connection, OAuthTokenRow row, byte[] accessTokenSha256, string? scope, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, DateTimeOffset? refreshAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(row);
        await using var command = new NpgsqlCommand(
            """
            UPDATE broker.oauth_tokens SET access_token_sha256 = @sha, scope = @scope, issued_at = @issued, expires_at = @expires,
                refresh_at = @refreshAt, refreshes = refreshes + 1
            WHERE credential_id = @credential
            """, connection);
        command.Parameters.AddWithValue("credential", row.CredentialId);
        command.Parameters.AddWithValue("sha", accessTokenSha256);
        command.Parameters.AddWithValue("scope", (object?)scope ?? DBNull.Value);
        AddTimes(command, issuedAt, expiresAt, refreshAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return row with { AccessTokenSha256 = accessTokenSha256, Scope = scope, IssuedAt = issuedAt, ExpiresAt = expiresAt, RefreshAt = refreshAt };
    }

    public static async Task MarkNeedsReauthAsync(NpgsqlConnection connection, Guid credentialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("UPDATE broker.oauth_tokens SET status = 'needs-reauth' WHERE credential_id = @credential", connection);
        command.Parameters.AddWithValue("credential", credentialId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The registry revoked the credential: from now on it is never renewed nor handed out, and its tokens are due
    /// for revocation upstream. Waits for a refresh in progress (the row lock), so the tokens revoked are the last
    /// ones. False when the broker holds no such credential or it was already marked.
    /// </summary>
    public async Task<bool> MarkRevokedAsync(Guid tenantId, Guid credentialId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE broker.oauth_tokens SET status = 'revoked', refresh_at = NULL, revocation_due_at = @now
            WHERE credential_id = @credential AND tenant_id = @tenant AND status <> 'revoked'
            """, connection);
        command.Parameters.AddWithValue("credential", credentialId);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Revoked credentials whose next upstream revocation attempt is due, oldest first.</summary>
    public async Task<List<(Guid TenantId, Guid CredentialId)>> RevocationsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT tenant_id, credential_id FROM broker.oauth_tokens
            WHERE status = 'revoked' AND revocation_due_at <= @now
            ORDER BY revocation_due_at LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>An upstream revocation failed: the next attempt after a delay doubling per attempt up to <paramref name="maxDelay"/>; the attempt count.</summary>
    public static async Task<int> RecordRevocationFailureAsync(
        NpgsqlConnection connection, Guid credentialId, DateTimeOffset now, TimeSpan firstDelay, TimeSpan maxDelay, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            """
            UPDATE broker.oauth_tokens SET revocation_attempts = revocation_attempts + 1, revocation_error = @error,
                revocation_due_at = @now + LEAST(@first * power(2, LEAST(revocation_attempts, 30)), @max) * interval '1 second'
            WHERE credential_id = @credential RETURNING revocation_attempts
            """, connection);
        command.Parameters.AddWithValue("credential", credentialId);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("first", firstDelay.TotalSeconds);
        command.Parameters.AddWithValue("max", maxDelay.TotalSeconds);
        command.Parameters.AddWithValue("error", error);
        return await command.ExecuteScalarAsync(cancellationToken) is int attempts ? attempts : 0;
    }

    /// <summary>The credential's tokens are revoked upstream (or there was nothing to revoke): the broker forgets it.</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, Guid credentialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("DELETE FROM broker.oauth_tokens WHERE credential_id = @credential", connection);
        command.Parameters.AddWithValue("credential", credentialId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Active credentials whose refresh time has come, soonest first.</summary>
    public async Task<List<(Guid TenantId, Guid CredentialId)>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT tenant_id, credential_id FROM broker.oauth_tokens
            WHERE status = 'active' AND refresh_secret_id IS NOT NULL AND refresh_at <= @now
            ORDER BY refresh_at LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<List<(Guid TenantId, Guid CredentialId)>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<(Guid, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }
        return ids;
    }

    private static void AddTimes(NpgsqlCommand command, DateTimeOffset issuedAt, DateTimeOffset? expiresAt, DateTimeOffset? refreshAt)
    {
        command.Parameters.AddWithValue("issued", issuedAt.UtcDateTime);
        command.Parameters.AddWithValue("expires", expiresAt is { } expires ? expires.UtcDateTime : DBNull.Value);
        command.Parameters.AddWithValue("refreshAt", refreshAt is { } at ? at.UtcDateTime : DBNull.Value);
    }
}
