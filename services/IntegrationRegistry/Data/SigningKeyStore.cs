using System.Text.Json;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Public keys of platform services' token signers, listed as the platform's JWKS until they expire.</summary>
public sealed class SigningKeyStore(RegistryDatabase database)
{
    public Task<int> UpsertAsync(string kid, string service, JsonElement publicJwk, DateTimeOffset expiresAt, CancellationToken ct) =>
        database.InTransactionAsync(s => s.ExecuteAsync(
            """
            INSERT INTO registry.signing_keys (kid, service, public_jwk, expires_at) VALUES (@kid, @service, @jwk::jsonb, @expires)
            ON CONFLICT (kid) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE registry.signing_keys.service = EXCLUDED.service
            """,
            ct, ("kid", kid), ("service", service), ("jwk", publicJwk.GetRawText()), ("expires", expiresAt)), ct);

    public Task<List<JsonElement>> ListLiveAsync(CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            "SELECT public_jwk::text FROM registry.signing_keys WHERE expires_at > now() ORDER BY created_at",
            r => JsonDocument.Parse(r.GetString(0)).RootElement.Clone(), ct), ct);
}
