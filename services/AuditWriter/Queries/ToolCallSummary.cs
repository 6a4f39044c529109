namespace Platform.AuditWriter.Queries;

/// <summary>The per-tool summary and the time range it covers.</summary>
public sealed record ToolCallSummary(DateTime From, DateTime? To, IReadOnlyList<ToolSummary> Tools);
