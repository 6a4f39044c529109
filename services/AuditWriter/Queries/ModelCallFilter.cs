namespace Platform.AuditWriter.Queries;

/// <summary>Which ledger rows a query covers; <see cref="TenantId"/> always comes from the caller's credential.</summary>
public sealed record ModelCallFilter(string TenantId, string? AgentId, string? Model, string? Provider, DateTime? From, DateTime? To)
{
    public SqlConditions ToConditions()
    {
        var conditions = new SqlConditions()
            .Equal("tenant_id", TenantId)
            .Equal("agent_id", AgentId)
            .Equal("model", Model)
            .Equal("provider", Provider);
        if (From is { } from)
        {
            conditions.Add($"occurred_at >= {conditions.Parameter(from)}");
        }
        if (To is { } to)
        {
            conditions.Add($"occurred_at < {conditions.Parameter(to)}");
        }
        return conditions;
    }
}
