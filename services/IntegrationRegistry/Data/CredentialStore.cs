using Microsoft.Extensions.Options;
using System.Text.Json;
using Npgsql;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>
/// Credentials: one subject's vault secret handles on one install. Every statement is confined to the tenant,
/// and lookups for use are confined to the subject too.
/// </summary>
public sealed class CredentialStore(RegistryDatabase database, IOptions<RegistryOptions> options)
{
    /// <summary>The roles of an OAuth credential's handles; the edge sends the access token.</summary>
    public const string AccessTokenRole = "access-token";

    public const string RefreshTokenRole = "refresh-token";

    private const string Columns =
        "id, install_id, subject_identity_id, status, secret_handles::text AS handles, scopes, expires_at, created_at, updated_at, revoked_at";

    public Task<List<Credential>> ListAsync(Guid tenantId, Guid? installId, Guid? subjectId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"""
            SELECT {Columns} FROM registry.credentials
            WHERE tenant_id = @tenant AND (@install::uuid IS NULL OR install_id = @install) AND (@subject::uuid IS NULL OR subject_identity_id = @subject)
            ORDER BY created_at
            """,
            r => Read(r, s.Now), ct, ("tenant", tenantId), ("install", installId), ("subject", subjectId)), ct);

    public Task<Credential?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.credentials WHERE tenant_id = @tenant AND id = @id", r => Read(r, s.Now), ct, ("tenant", tenantId), ("id", id)), ct);

    /// <summary>Stores the handles of secrets already written to the vault; a unique violation if the subject already holds a live one.</summary>
    public Task<Credential> CreateAsync(Guid tenantId, CredentialRequest request, IReadOnlyDictionary<string, Guid> handles, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var credential = (await s.QuerySingleAsync(
                $"""
                INSERT INTO registry.credentials (id, tenant_id, install_id, subject_identity_id, status, secret_handles, scopes, expires_at)
                VALUES (@id, @tenant, @install, @subject, 'active', @handles::jsonb, @scopes, @expires) RETURNING {Columns}
                """,
                r => Read(r, s.Now), ct, ("id", Guid.CreateVersion7()), ("tenant", tenantId), ("install", request.InstallId), ("subject", request.SubjectIdentityId),
                ("handles", JsonSerializer.Serialize(handles)), ("scopes", (request.Scopes ?? []).ToArray()), ("expires", request.ExpiresAt)))!;
            s.CatalogChanged(tenantId, credential.InstallId, credential.SubjectIdentityId, "credential-created");
            return credential;
        }, ct);

    /// <summary>
    /// The broker's tokens for one identity on an <c>oauth</c> install: the live credential is updated in place (the
    /// vault handles it held and no longer does are queued for revocation), or created; <c>CatalogChanged</c> either way.
    /// Null when the install is not an <c>oauth</c> install of the tenant or the identity is not the tenant's.
    /// </summary>
    public Task<OAuthCredentialInfo?> PutOAuthAsync(Guid tenantId, Guid installId, Guid identityId, OAuthCredentialRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var eligible = await s.ExistsAsync(
                """
                SELECT 1 FROM registry.installs i
                JOIN registry.auth_methods m ON m.tenant_id = i.tenant_id AND m.id = i.auth_method_id
                JOIN registry.identities p ON p.tenant_id = i.tenant_id AND p.id = @identity
                WHERE i.tenant_id = @tenant AND i.id = @install AND m.kind = 'oauth'
                """, ct, ("tenant", tenantId), ("install", installId), ("identity", identityId));
            if (!eligible)
            {
                return null;
            }
            var handles = new Dictionary<string, Guid> { [AccessTokenRole] = request.AccessTokenSecretId };
            if (request.RefreshTokenSecretId is { } refresh)
            {
                handles[RefreshTokenRole] = refresh;
            }
            var existing = await s.QuerySingleAsync(
                """
                SELECT id, secret_handles::text FROM registry.credentials
                WHERE tenant_id = @tenant AND install_id = @install AND subject_identity_id = @identity AND status <> 'revoked' FOR UPDATE
                """,
                r => new Tuple<Guid, Dictionary<string, Guid>>(r.GetGuid(0), ParseHandles(r.GetString(1))), ct, ("tenant", tenantId), ("install", installId), ("identity", identityId));
            var parameters = new (string, object?)[]
            {
                ("tenant", tenantId), ("install", installId), ("identity", identityId), ("handles", JsonSerializer.Serialize(handles)),
                ("scopes", request.Scopes.Distinct(StringComparer.Ordinal).ToArray()), ("expires", request.ExpiresAt),
            };
            OAuthCredentialInfo? credential;
            if (existing is null)
            {
                credential = await s.QuerySingleAsync(
                    """
                    INSERT INTO registry.credentials (id, tenant_id, install_id, subject_identity_id, status, secret_handles, scopes, expires_at)
                    VALUES (@id, @tenant, @install, @identity, 'active', @handles::jsonb, @scopes, @expires) RETURNING id, status
                    """,
                    r => new OAuthCredentialInfo(r.GetGuid(0), installId, identityId, r.GetString(1)), ct, [("id", Guid.CreateVersion7()), .. parameters]);
            }
            else
            {
                // The replaced tokens stay in the vault until the broker has revoked them at the authorization server.
                var replaced = existing.Item2.Where(h => !handles.ContainsValue(h.Value)).ToDictionary(h => h.Key, h => h.Value);
                await PendingSecretRevocations.QueueCredentialAsync(s, tenantId, replaced, options.Value.UpstreamRevocationHold, ct);
                credential = await s.QuerySingleAsync(
                    """
                    UPDATE registry.credentials SET status = 'active', secret_handles = @handles::jsonb, scopes = @scopes, expires_at = @expires, updated_at = now()
                    WHERE tenant_id = @tenant AND id = @id RETURNING id, status
                    """,
                    r => new OAuthCredentialInfo(r.GetGuid(0), installId, identityId, r.GetString(1)), ct, [("id", existing.Item1), .. parameters]);
            }
            s.CatalogChanged(tenantId, installId, identityId, "credential-connected");
            return credential;
        }, ct);

    /// <summary>
    /// Revokes one credential (idempotent): status <c>revoked</c>, its vault secrets queued for revocation (an OAuth
    /// credential's tokens held until the broker has revoked them upstream, see <see cref="PendingSecretRevocations"/>),
    /// <c>CredentialRevoked</c> (which the broker acts on) and <c>CatalogChanged</c> announced.
    /// </summary>
    public Task<RevokedCredential?> RevokeAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var revoked = await s.QuerySingleAsync(
                $"""
                UPDATE registry.credentials SET status = 'revoked', revoked_at = now(), updated_at = now()
                WHERE tenant_id = @tenant AND id = @id AND status <> 'revoked' RETURNING {Columns}
                """,
                r => Tuple.Create(Read(r, s.Now), ParseHandles(r.GetString(r.GetOrdinal("handles")))), ct, ("tenant", tenantId), ("id", id));
            if (revoked is null)
            {
                var existing = await s.QuerySingleAsync(
                    $"SELECT {Columns} FROM registry.credentials WHERE tenant_id = @tenant AND id = @id", r => Read(r, s.Now), ct, ("tenant", tenantId), ("id", id));
                return existing is null ? null : new RevokedCredential(existing, []);
            }
            var (credential, handles) = revoked;
            await PendingSecretRevocations.QueueCredentialAsync(s, tenantId, handles, options.Value.UpstreamRevocationHold, ct);
            s.CredentialRevoked(tenantId, credential.Id, credential.InstallId, credential.SubjectIdentityId);
            s.CatalogChanged(tenantId, credential.InstallId, credential.SubjectIdentityId, "credential-revoked");
            return new RevokedCredential(credential, handles.Values);
        }, ct);

    /// <summary>
    /// The subject's credential on the install: the live one, else the most recent revoked one (so callers can say
    /// "revoked" rather than "never connected"). Null if none, or if install or subject is not in the tenant.
    /// </summary>
    public Task<CredentialResolution?> ResolveAsync(Guid tenantId, Guid installId, Guid subjectId, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            """
            SELECT c.id, c.install_id, c.subject_identity_id, c.status, c.expires_at, c.secret_handles::text, m.header_name, c.scopes
            FROM registry.credentials c
            JOIN registry.installs i ON i.tenant_id = c.tenant_id AND i.id = c.install_id
            JOIN registry.auth_methods m ON m.tenant_id = i.tenant_id AND m.id = i.auth_method_id
            WHERE c.tenant_id = @tenant AND c.install_id = @install AND c.subject_identity_id = @subject
            ORDER BY (c.status <> 'revoked') DESC, c.created_at DESC
            LIMIT 1
            """,
            r =>
            {
                var expiresAt = r.IsDBNull(4) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(4);
                return new CredentialResolution(
                    r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), EffectiveStatus(r.GetString(3), expiresAt, s.Now),
                    ParseHandles(r.GetString(5)), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<string[]>(7), expiresAt);
            },
            ct, ("tenant", tenantId), ("install", installId), ("subject", subjectId)), ct);

    /// <summary>
    /// Marks a live credential as needing a new consent (<c>CredentialNeedsReauthorization</c> and <c>CatalogChanged</c>
    /// announced on the change, not again while it stays marked); false if there is no such live credential in the tenant.
    /// </summary>
    public Task<bool> MarkNeedsReauthAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var marked = await s.QuerySingleAsync(
                """
                UPDATE registry.credentials SET status = 'needs-reauth', updated_at = now()
                WHERE tenant_id = @tenant AND id = @id AND status NOT IN ('revoked', 'needs-reauth') RETURNING install_id, subject_identity_id
                """,
                r => new Tuple<Guid, Guid>(r.GetGuid(0), r.GetGuid(1)), ct, ("tenant", tenantId), ("id", id));
            if (marked is null)
            {
                return await s.QuerySingleAsync(
                    "SELECT 1 FROM registry.credentials WHERE tenant_id = @tenant AND id = @id AND status = 'needs-reauth'",
                    r => "marked", ct, ("tenant", tenantId), ("id", id)) is not null;
            }
            s.CredentialNeedsReauthorization(tenantId, id, marked.Item1, marked.Item2);
            s.CatalogChanged(tenantId, marked.Item1, marked.Item2, "credential-needs-reauth");
            return true;
        }, ct);

    /// <summary>
    /// The broker renewed the tokens behind an active credential (new versions of the same vault secrets): its expiry
    /// and scopes follow. No event: the handles are unchanged, and edges drop their copy of a token before it expires.
    /// False when the credential is not active in the tenant (revoked or marked for re-authorization meanwhile).
    /// </summary>
    public Task<bool> RecordTokenRefreshedAsync(Guid tenantId, Guid id, OAuthTokenRefreshed refreshed, CancellationToken ct) =>
        database.InTransactionAsync(async s => await s.ExistsAsync(
            """
            UPDATE registry.credentials SET expires_at = @expires, scopes = @scopes, updated_at = now()
            WHERE tenant_id = @tenant AND id = @id AND status = 'active' RETURNING 1
            """, ct, ("tenant", tenantId), ("id", id), ("expires", refreshed.ExpiresAt),
            ("scopes", (refreshed.Scopes ?? []).Distinct(StringComparer.Ordinal).ToArray())), ct);

    /// <summary>The broker revoked these tokens upstream (or had nothing to revoke): the vault revoker may destroy them now.</summary>
    public Task<int> ReleaseUpstreamHoldsAsync(Guid tenantId, IReadOnlyList<Guid> secretIds, CancellationToken ct) =>
        database.InTransactionAsync(s => PendingSecretRevocations.ReleaseAsync(s, tenantId, secretIds, ct), ct);

    public static Dictionary<string, Guid> ParseHandles(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Guid>>(json) ?? [];

    /// <summary>An active credential past its expiry reads as <c>expired</c>.</summary>
    private static string EffectiveStatus(string status, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        status == "active" && expiresAt is { } expiry && expiry <= now ? "expired" : status;

    private static Credential Read(NpgsqlDataReader r, DateTimeOffset now)
    {
        var expiresAt = r.NullableTime("expires_at");
        return new Credential(
            r.Guid("id"), r.Guid("install_id"), r.Guid("subject_identity_id"), EffectiveStatus(r.String("status"), expiresAt, now),
            [.. ParseHandles(r.String("handles")).Keys.Order(StringComparer.Ordinal)], r.Strings("scopes"), expiresAt,
            r.Time("created_at"), r.Time("updated_at"), r.NullableTime("revoked_at"));
    }
}
