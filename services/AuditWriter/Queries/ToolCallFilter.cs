namespace Platform.AuditWriter.Queries;

/// <summary>
/// Which tool calls a query covers; <see cref="TenantId"/> always comes from the caller's credential. The slugs and the
/// identity name match what a record kept at the time of the call, not what the registry says now.
/// </summary>
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
    public string? AgentSlug { get; init; }

    public string? IdentityName { get; init; }

    public string? InstallSlug { get; init; }

    public SqlConditions ToConditions()
    {
        var conditions = new SqlConditions()
            .Equal("tenant_id", TenantId)
            .Equal("agent_id", AgentId)
            .Equal("subject_id", IdentityId)
            .Equal("install_id", InstallId)
            .Equal("agent_slug", AgentSlug)
            .Equal("identity_name", IdentityName)
            .Equal("install_slug", InstallSlug)
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
