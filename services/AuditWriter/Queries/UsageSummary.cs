namespace Platform.AuditWriter.Queries;

/// <summary>Usage per agent, model and day, with the time range it covers and its totals.</summary>
public sealed record UsageSummary(DateTime From, DateTime? To, long TotalInputTokens, long TotalOutputTokens, decimal TotalCost, IReadOnlyList<UsageDay> Days);
