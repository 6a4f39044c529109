namespace Platform.IntegrationRegistry.Data;

/// <summary>Which agents of a tenant may call an agent offered as tools (agents as tools); nobody unless listed.</summary>
public sealed class AgentCallerStore(RegistryDatabase database)
{
    /// <summary>The agents allowed to call <paramref name="agentId"/>, or null when the tenant has no such agent.</summary>
    public Task<List<Guid>?> GetAsync(Guid tenantId, Guid agentId, CancellationToken ct) =>
        database.ReadAsync(async s =>
        {
            if (!await s.ExistsAsync("SELECT 1 FROM registry.agents WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", agentId)))
            {
                return null;
            }
            return (List<Guid>?)await s.QueryAsync(
                "SELECT caller_agent_id FROM registry.agent_callers WHERE tenant_id = @tenant AND agent_id = @agent ORDER BY caller_agent_id",
                r => r.GetGuid(0), ct, ("tenant", tenantId), ("agent", agentId));
        }, ct);

    /// <summary>
    /// Replaces the list; null when the tenant has no such agent. The ids must be other agents of the tenant (checked
    /// by the caller). The edge's cached lists of the tenant's agents are dropped through a catalog event.
    /// </summary>
    public Task<List<Guid>?> ReplaceAsync(Guid tenantId, Guid agentId, IReadOnlyCollection<Guid> callerIds, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            if (!await s.ExistsAsync("SELECT 1 FROM registry.agents WHERE tenant_id = @tenant AND id = @id FOR UPDATE", ct, ("tenant", tenantId), ("id", agentId)))
            {
                return null;
            }
            await s.ExecuteAsync("DELETE FROM registry.agent_callers WHERE tenant_id = @tenant AND agent_id = @agent", ct, ("tenant", tenantId), ("agent", agentId));
            await s.ExecuteAsync(
                """
                INSERT INTO registry.agent_callers (tenant_id, agent_id, caller_agent_id)
                SELECT @tenant, @agent, a.id FROM registry.agents a WHERE a.tenant_id = @tenant AND a.id = ANY(@callers) AND a.id <> @agent
                """,
                ct, ("tenant", tenantId), ("agent", agentId), ("callers", callerIds.Distinct().ToArray()));
            s.CatalogChanged(tenantId, installId: null, subjectId: null, "agent-callers-changed");
            return (List<Guid>?)[.. callerIds.Distinct().Order()];
        }, ct);

    /// <summary>The ids among <paramref name="ids"/> that are not agents of the tenant.</summary>
    public Task<List<Guid>> UnknownAsync(Guid tenantId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            "SELECT u.id FROM unnest(@ids) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM registry.agents a WHERE a.tenant_id = @tenant AND a.id = u.id)",
            r => r.GetGuid(0), ct, ("tenant", tenantId), ("ids", ids.Distinct().ToArray())), ct);
}
