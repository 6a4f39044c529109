namespace Platform.AuditWriter.Queries;

/// <summary>
/// Which ledger rows a query covers; <see cref="TenantId"/> always comes from the caller's credential. The slug and
/// name match what a row kept when the call was reported.
/// </summary>
public sealed record ModelCallFilter(string TenantId, string? AgentId, string? Model, string? Provider, DateTime? From, DateTime? To)
{
    public string? IdentityId { get; init; }

    public string? AgentSlug { get; init; }

    public string? IdentityName { get; init; }

    public SqlConditions ToConditions()
    {
        var conditions = new SqlConditions()
            .Equal("tenant_id", TenantId)
            .Equal("agent_id", AgentId)
            .Equal("subject_id", IdentityId)
            .Equal("agent_slug", AgentSlug)
            .Equal("identity_name", IdentityName)
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
