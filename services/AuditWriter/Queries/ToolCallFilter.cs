namespace Platform.AuditWriter.Queries;

/// <summary>Which tool calls a query covers; <see cref="TenantId"/> always comes from the caller's credential.</summary>
public sealed record ToolCallFilter(
    string TenantId,
    string? AgentId,
    string? IdentityId,
    Guid? InstallId,
    string? Kind,
    string? Tool,
    string? Outcome,
    DateTime? From,
    DateTime? To)
{
    public SqlConditions ToConditions()
    {
        var conditions = new SqlConditions()
            .Equal("tenant_id", TenantId)
            .Equal("agent_id", AgentId)
            .Equal("subject_id", IdentityId)
            .Equal("install_id", InstallId)
            .Equal("kind", Kind)
            .Equal("tool_name", Tool)
            .Equal("outcome", Outcome);
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
