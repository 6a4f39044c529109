using Npgsql;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Agents' grants on Spaces of one tenant; every change tells the edge (<c>SpaceGrantsChanged</c>) to forget what it cached.</summary>
public sealed class SpaceGrantStore(RegistryDatabase database)
{
    private const string Columns = "g.space_id, g.agent_id, a.slug AS agent_slug, g.scope, g.created_at, g.updated_at";

    /// <summary>The Space's grants; null when the Space is not the tenant's.</summary>
    public Task<List<SpaceGrant>?> ListAsync(Guid tenantId, Guid spaceId, CancellationToken ct) =>
        database.ReadAsync<List<SpaceGrant>?>(async s =>
        {
            if (!await SpaceExistsAsync(s, tenantId, spaceId, ct))
            {
                return null;
            }
            return await s.QueryAsync(
                $"""
                SELECT {Columns} FROM registry.space_grants g JOIN registry.agents a ON a.tenant_id = g.tenant_id AND a.id = g.agent_id
                WHERE g.tenant_id = @tenant AND g.space_id = @space ORDER BY a.slug
                """,
                Read, ct, ("tenant", tenantId), ("space", spaceId));
        }, ct);

    /// <summary>Gives or changes the grant; null when the Space or the agent is not the tenant's.</summary>
    public Task<SpaceGrant?> PutAsync(Guid tenantId, Guid spaceId, Guid agentId, string scope, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var grant = await s.QuerySingleAsync(
                $"""
                WITH granted AS (
                    INSERT INTO registry.space_grants (tenant_id, space_id, agent_id, scope)
                    SELECT @tenant, sp.id, ag.id, @scope
                    FROM registry.spaces sp JOIN registry.agents ag ON ag.tenant_id = sp.tenant_id AND ag.id = @agent
                    WHERE sp.tenant_id = @tenant AND sp.id = @space
                    ON CONFLICT (tenant_id, space_id, agent_id) DO UPDATE SET scope = EXCLUDED.scope, updated_at = now()
                    RETURNING *
                )
                SELECT {Columns} FROM granted g JOIN registry.agents a ON a.tenant_id = g.tenant_id AND a.id = g.agent_id
                """,
                Read, ct, ("tenant", tenantId), ("space", spaceId), ("agent", agentId), ("scope", scope));
            if (grant is not null)
            {
                s.SpaceGrantsChanged(tenantId, agentId, spaceId, "grant-given");
            }
            return grant;
        }, ct);

    /// <summary>Revokes the grant; false when there was none in the tenant.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid spaceId, Guid agentId, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var deleted = await s.ExecuteAsync(
                "DELETE FROM registry.space_grants WHERE tenant_id = @tenant AND space_id = @space AND agent_id = @agent",
                ct, ("tenant", tenantId), ("space", spaceId), ("agent", agentId)) > 0;
            if (deleted)
            {
                s.SpaceGrantsChanged(tenantId, agentId, spaceId, "grant-revoked");
            }
            return deleted;
        }, ct);

    /// <summary>The Spaces the agent may read, as the edge needs them.</summary>
    public Task<List<SpaceGrantInfo>> ListForAgentAsync(Guid tenantId, Guid agentId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            """
            SELECT sp.id, sp.slug, sp.name, g.scope
            FROM registry.space_grants g JOIN registry.spaces sp ON sp.tenant_id = g.tenant_id AND sp.id = g.space_id
            WHERE g.tenant_id = @tenant AND g.agent_id = @agent ORDER BY sp.slug
            """,
            r => new SpaceGrantInfo(r.Guid("id"), r.String("slug"), r.String("name"), r.String("scope")),
            ct, ("tenant", tenantId), ("agent", agentId)), ct);

    private static Task<bool> SpaceExistsAsync(DbSession s, Guid tenantId, Guid spaceId, CancellationToken ct) =>
        s.ExistsAsync("SELECT 1 FROM registry.spaces WHERE tenant_id = @tenant AND id = @space", ct, ("tenant", tenantId), ("space", spaceId));

    private static SpaceGrant Read(NpgsqlDataReader r) =>
        new(r.Guid("space_id"), r.Guid("agent_id"), r.String("agent_slug"), r.String("scope"), r.Time("created_at"), r.Time("updated_at"));
}
