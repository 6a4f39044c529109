using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Data;

namespace Platform.IntegrationRegistry.Security;

/// <summary>
/// Looks tokens up by hash, only if unrevoked and unexpired, and records their last use in the same statement, at
/// most once a minute per token: a token that matches nothing writes nothing, and a busy valid one does not turn
/// every cache miss into a row update. Serves the internal auth endpoints and the registry's own <c>AdminKey</c> scheme.
/// </summary>
public sealed class DatabaseAuthenticator(RegistryDatabase database) : IRegistryAuthenticator
{
    public Task<AgentPrincipal?> AuthenticateAgentAsync(string token, CancellationToken ct) =>
        !token.StartsWith(RegistryAuthenticationDefaults.AgentTokenPrefix, StringComparison.Ordinal)
            ? Task.FromResult<AgentPrincipal?>(null)
            : database.ReadAsync(session => session.QuerySingleAsync(
                """
                WITH found AS (
                    SELECT t.id, t.last_used_at, a.tenant_id, tn.slug, a.id AS agent_id, a.name, a.subject_identity_id,
                           a.slug AS agent_slug, i.name AS subject_name
                    FROM registry.agent_tokens t
                    JOIN registry.agents a ON a.tenant_id = t.tenant_id AND a.id = t.agent_id
                    JOIN registry.identities i ON i.tenant_id = a.tenant_id AND i.id = a.subject_identity_id
                    JOIN registry.tenants tn ON tn.id = a.tenant_id
                    WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
                ), touched AS (
                    UPDATE registry.agent_tokens t SET last_used_at = now()
                    FROM found f WHERE t.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
                )
                SELECT tenant_id, slug, agent_id, name, subject_identity_id, agent_slug, subject_name FROM found
                """,
                r => new AgentPrincipal(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetString(6)),
                ct,
                ("hash", SecretToken.Hash(token))), ct);

    public Task<AdminPrincipal?> AuthenticateAdminKeyAsync(string key, CancellationToken ct) =>
        !key.StartsWith(RegistryAuthenticationDefaults.AdminKeyPrefix, StringComparison.Ordinal)
            ? Task.FromResult<AdminPrincipal?>(null)
            : database.ReadAsync(session => session.QuerySingleAsync(
                """
                WITH found AS (
                    SELECT k.id, k.last_used_at, k.tenant_id, tn.slug
                    FROM registry.admin_keys k JOIN registry.tenants tn ON tn.id = k.tenant_id
                    WHERE k.key_hash = @hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                ), touched AS (
                    UPDATE registry.admin_keys k SET last_used_at = now()
                    FROM found f WHERE k.id = f.id AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
                )
                SELECT tenant_id, slug, id FROM found
                """,
                r => new AdminPrincipal(r.GetGuid(0), r.GetString(1), r.GetGuid(2)),
                ct,
                ("hash", SecretToken.Hash(key))), ct);
}
