using Npgsql;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Agent tokens: issued (value returned once, hash stored), listed without values, revoked.</summary>
public sealed class AgentTokenStore(RegistryDatabase database)
{
    private const string Columns = "id, agent_id, name, created_at, expires_at, last_used_at, revoked_at";

    /// <summary>Null if the agent is not in the tenant.</summary>
    public Task<IssuedAgentToken?> IssueAsync(Guid tenantId, Guid agentId, IssueTokenRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            if (!await s.ExistsAsync("SELECT 1 FROM registry.agents WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", agentId)))
            {
                return null;
            }
            var id = Guid.CreateVersion7();
            var token = SecretToken.Create(RegistryAuthenticationDefaults.AgentTokenPrefix);
            await s.ExecuteAsync(
                "INSERT INTO registry.agent_tokens (id, tenant_id, agent_id, name, token_hash, expires_at) VALUES (@id, @tenant, @agent, @name, @hash, @expires)",
                ct, ("id", id), ("tenant", tenantId), ("agent", agentId), ("name", request.Name), ("hash", SecretToken.Hash(token)), ("expires", request.ExpiresAt));
            return new IssuedAgentToken(id, agentId, token, request.ExpiresAt);
        }, ct);

    public Task<List<AgentTokenInfo>> ListAsync(Guid tenantId, Guid agentId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.agent_tokens WHERE tenant_id = @tenant AND agent_id = @agent ORDER BY created_at",
            Read, ct, ("tenant", tenantId), ("agent", agentId)), ct);

    /// <summary>Null if there is no such token of this agent in the tenant; revoking twice keeps the first time.</summary>
    public Task<AgentTokenInfo?> RevokeAsync(Guid tenantId, Guid agentId, Guid tokenId, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var token = await s.QuerySingleAsync(
                $"""
                UPDATE registry.agent_tokens SET revoked_at = coalesce(revoked_at, now())
                WHERE tenant_id = @tenant AND agent_id = @agent AND id = @id RETURNING {Columns}
                """,
                Read, ct, ("tenant", tenantId), ("agent", agentId), ("id", tokenId));
            if (token is not null)
            {
                s.AgentTokenRevoked(tenantId, agentId, tokenId);
            }
            return token;
        }, ct);

    private static AgentTokenInfo Read(NpgsqlDataReader r) => new(
        r.Guid("id"), r.Guid("agent_id"), r.NullableString("name"), r.Time("created_at"), r.NullableTime("expires_at"),
        r.NullableTime("last_used_at"), r.NullableTime("revoked_at"));
}
