namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// One row of <c>audit.tool_calls</c>: a validated, redacted <c>ToolCallCompleted</c>. <see cref="AlteredFields"/>
/// names the fields whose values could not be stored as given and were stored in a safe form. The slugs and the
/// identity name are as they were at the time of the call (null in records from publishers that predate them).
/// </summary>
public sealed record ToolCallRecord(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string SubjectId,
    Guid InstallId,
    string Kind,
    string ToolName,
    string UpstreamToolName,
    DateTime StartedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    string Arguments,
    long BytesIn,
    long BytesOut,
    string? TraceId,
    string? AgentSlug,
    string? IdentityName,
    string? InstallSlug,
    IReadOnlyList<string> AlteredFields);
