namespace Platform.Tests.McpEdge;

/// <summary>One row of <c>audit.tool_calls</c>, as the edge's tests look at it.</summary>
public sealed record AuditRow(
    string AgentId, string SubjectId, Guid InstallId, string UpstreamToolName, string Outcome, string? ErrorClass,
    string Arguments, long BytesIn, long BytesOut, string? TraceId, long DurationMs);
