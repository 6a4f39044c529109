namespace Platform.AuditWriter.ToolCalls;

/// <summary>One row of <c>audit.tool_calls</c>: a validated, redacted <c>ToolCallCompleted</c>.</summary>
public sealed record ToolCallRecord(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string SubjectId,
    Guid InstallId,
    string ToolName,
    string UpstreamToolName,
    DateTime StartedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    string Arguments,
    long BytesIn,
    long BytesOut,
    string? TraceId);
