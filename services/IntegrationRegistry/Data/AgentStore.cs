using Npgsql;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Agents of one tenant, each acting for a subject identity of the same tenant.</summary>
public sealed class AgentStore(RegistryDatabase database)
{
    private const string Columns = "id, slug, name, subject_identity_id, description, mcp_url, created_at, updated_at";

    public Task<List<Agent>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.agents WHERE tenant_id = @tenant ORDER BY slug", Read, ct, ("tenant", tenantId)), ct);

    public Task<Agent?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.agents WHERE tenant_id = @tenant AND id = @id", Read, ct, ("tenant", tenantId), ("id", id)), ct);

    public Task<Agent> CreateAsync(Guid tenantId, AgentRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s => (await s.QuerySingleAsync(
            $"""
            INSERT INTO registry.agents (id, tenant_id, subject_identity_id, slug, name, description, mcp_url)
            VALUES (@id, @tenant, @subject, @slug, @name, @description, @mcp) RETURNING {Columns}
            """,
            Read, ct, [("id", Guid.CreateVersion7()), .. Parameters(tenantId, request)]))!, ct);

    public Task<Agent?> UpdateAsync(Guid tenantId, Guid id, AgentRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var agent = await s.QuerySingleAsync(
                $"""
                UPDATE registry.agents SET subject_identity_id = @subject, slug = @slug, name = @name, description = @description,
                    mcp_url = @mcp, updated_at = now()
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, [("id", id), .. Parameters(tenantId, request)]);
            if (agent is not null)
            {
                // A new subject changes whose credentials the agent's tokens reach, and a new slug the name the audit
                // records: cached principals must go.
                await RevokeCachedTokensAsync(s, tenantId, id, ct);
            }
            return agent;
        }, ct);

    /// <summary>Deletes the agent and its tokens; each live token is announced revoked.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            await RevokeCachedTokensAsync(s, tenantId, id, ct);
            return await s.ExecuteAsync("DELETE FROM registry.agents WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", id)) > 0;
        }, ct);

    /// <summary>Agents of the tenant registered with their own MCP endpoint, each with the agents allowed to call it.</summary>
    public Task<List<AgentEndpointInfo>> ListEndpointsAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            """
            SELECT a.id, a.name, a.slug, a.mcp_url, a.description,
                   ARRAY(SELECT c.caller_agent_id FROM registry.agent_callers c WHERE c.tenant_id = a.tenant_id AND c.agent_id = a.id) AS callers
            FROM registry.agents a WHERE a.tenant_id = @tenant AND a.mcp_url IS NOT NULL ORDER BY a.slug
            """,
            r => new AgentEndpointInfo(r.Guid("id"), r.String("name"), r.String("slug"), r.String("mcp_url"), r.NullableString("description"),
                r.GetFieldValue<Guid[]>(r.GetOrdinal("callers"))),
            ct, ("tenant", tenantId)), ct);

    private static async Task RevokeCachedTokensAsync(DbSession s, Guid tenantId, Guid agentId, CancellationToken ct)
    {
        var live = await s.QueryAsync(
            "SELECT id FROM registry.agent_tokens WHERE tenant_id = @tenant AND agent_id = @agent AND revoked_at IS NULL",
            r => r.GetGuid(0), ct, ("tenant", tenantId), ("agent", agentId));
        foreach (var tokenId in live)
        {
            s.AgentTokenRevoked(tenantId, agentId, tokenId);
        }
    }

    private static (string, object?)[] Parameters(Guid tenantId, AgentRequest request) =>
    [
        ("tenant", tenantId), ("subject", request.SubjectIdentityId), ("slug", request.Slug), ("name", request.Name),
        ("description", request.Description), ("mcp", request.McpUrl),
    ];

    private static Agent Read(NpgsqlDataReader r) => new(
        r.Guid("id"), r.String("slug"), r.String("name"), r.Guid("subject_identity_id"), r.NullableString("description"),
        r.NullableString("mcp_url"), r.Time("created_at"), r.Time("updated_at"));
}
