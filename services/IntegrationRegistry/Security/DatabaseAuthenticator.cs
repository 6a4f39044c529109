using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Data;

namespace Platform.IntegrationRegistry.Security;

/// <summary>
/// Looks tokens up by hash, only if unrevoked and unexpired, and records their last use in the same statement.
/// Serves the internal auth endpoints and the registry's own <c>AdminKey</c> scheme.
/// </summary>
public sealed class DatabaseAuthenticator(RegistryDatabase database) : IRegistryAuthenticator
{
    public Task<AgentPrincipal?> AuthenticateAgentAsync(string token, CancellationToken ct) =>
        !token.StartsWith(RegistryAuthenticationDefaults.AgentTokenPrefix, StringComparison.Ordinal)
            ? Task.FromResult<AgentPrincipal?>(null)
            : database.ReadAsync(session => session.QuerySingleAsync(
                """
                UPDATE registry.agent_tokens t SET last_used_at = now()
                FROM registry.agents a JOIN registry.tenants tn ON tn.id = a.tenant_id
                WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
                  AND a.tenant_id = t.tenant_id AND a.id = t.agent_id
                RETURNING a.tenant_id, tn.slug, a.id, a.name, a.subject_identity_id
                """,
                r => new AgentPrincipal(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4)),
                ct,
                ("hash", SecretToken.Hash(token))), ct);

    public Task<AdminPrincipal?> AuthenticateAdminKeyAsync(string key, CancellationToken ct) =>
        !key.StartsWith(RegistryAuthenticationDefaults.AdminKeyPrefix, StringComparison.Ordinal)
            ? Task.FromResult<AdminPrincipal?>(null)
            : database.ReadAsync(session => session.QuerySingleAsync(
                """
                UPDATE registry.admin_keys k SET last_used_at = now()
                FROM registry.tenants tn
                WHERE k.key_hash = @hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                  AND tn.id = k.tenant_id
                RETURNING k.tenant_id, tn.slug, k.id
                """,
                r => new AdminPrincipal(r.GetGuid(0), r.GetString(1), r.GetGuid(2)),
                ct,
                ("hash", SecretToken.Hash(key))), ct);
}
