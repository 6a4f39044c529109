using Microsoft.Extensions.Options;
using Npgsql;
using Platform.OAuth;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// Pending authorizations in brokerdb, so the callback may reach any replica. Rows are keyed by the state's hash and
/// taken with <c>DELETE ... RETURNING</c>, which makes a state single-use even when two callbacks race; expired
/// rows are swept whenever a new one is saved. The engine refuses an expired or foreign-bound row it takes.
/// </summary>
public sealed class PostgresAuthorizationStateStore(
    NpgsqlDataSource dataSource, ClientSecretSource secrets, IOptions<OAuthEngineOptions> options) : IAuthorizationStateStore
{
    public async Task SaveAsync(PendingAuthorization pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var sweep = new NpgsqlCommand("DELETE FROM broker.pending_authorizations WHERE expires_at < now()", connection))
        {
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO broker.pending_authorizations (state_hash, binding, sealed_verifier, redirect_uri, scope, session, created_at, expires_at)
            VALUES (@hash, @binding, @verifier, @redirect, @scope, @session::jsonb, @created, @expires)
            """, connection);
        insert.Parameters.AddWithValue("hash", SealedVerifier.StateHash(pending.State));
        insert.Parameters.AddWithValue("binding", pending.Binding);
        insert.Parameters.AddWithValue("verifier", SealedVerifier.Seal(pending.State, pending.CodeVerifier));
        insert.Parameters.AddWithValue("redirect", pending.RedirectUri.AbsoluteUri);
        insert.Parameters.AddWithValue("scope", (object?)pending.Scope ?? DBNull.Value);
        insert.Parameters.AddWithValue("session", SessionJson.Serialize(pending.Session));
        insert.Parameters.AddWithValue("created", pending.CreatedAt.UtcDateTime);
        insert.Parameters.AddWithValue("expires", (pending.CreatedAt + options.Value.StateLifetime).UtcDateTime);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PendingAuthorization?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var take = new NpgsqlCommand(
            """
            DELETE FROM broker.pending_authorizations WHERE state_hash = @hash
            RETURNING binding, sealed_verifier, redirect_uri, scope, session::text, created_at
            """, connection);
        take.Parameters.AddWithValue("hash", SealedVerifier.StateHash(state));
        await using var reader = await take.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var binding = reader.GetString(0);
        var verifier = SealedVerifier.Open(state, reader.GetFieldValue<byte[]>(1))
            ?? throw new OAuthException(OAuthSteps.AuthorizationResponse, "the stored authorization is damaged; start again.");
        var redirect = new Uri(reader.GetString(2));
        var scope = reader.IsDBNull(3) ? null : reader.GetString(3);
        var session = SessionJson.Deserialize(reader.GetString(4));
        var createdAt = reader.GetFieldValue<DateTimeOffset>(5);
        await reader.DisposeAsync();
        if (!AuthorizationBinding.TryParse(binding, out var parsed))
        {
            throw new OAuthException(OAuthSteps.AuthorizationResponse, "the stored authorization is damaged; start again.");
        }
        return new PendingAuthorization
        {
            State = state,
            Binding = binding,
            CodeVerifier = verifier,
            RedirectUri = redirect,
            Scope = scope,
            Session = await secrets.RestoreAsync(parsed, session, cancellationToken),
            CreatedAt = createdAt,
        };
    }

    /// <summary>Whom a state was issued for, without using it up; null when it is unknown or already used.</summary>
    public async Task<AuthorizationBinding?> FindBindingAsync(string state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("SELECT binding FROM broker.pending_authorizations WHERE state_hash = @hash", connection);
        find.Parameters.AddWithValue("hash", SealedVerifier.StateHash(state));
        return await find.ExecuteScalarAsync(cancellationToken) is string binding && AuthorizationBinding.TryParse(binding, out var parsed) ? parsed : null;
    }
}
