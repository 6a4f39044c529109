namespace Platform.Contracts;

/// <summary>A tool call forwarded by the MCP edge has finished; arguments are already redacted.</summary>
public sealed record ToolCallCompleted(
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
    string RedactedArguments,
    long BytesIn,
    long BytesOut,
    string? TraceId);
