namespace Platform.AuditWriter.Queries;

/// <summary>Calls of one tool in a time range: how many, how many did not succeed, and duration percentiles.</summary>
public sealed record ToolSummary(string Tool, long Calls, long Errors, double ErrorRate, double P50DurationMs, double P95DurationMs);
