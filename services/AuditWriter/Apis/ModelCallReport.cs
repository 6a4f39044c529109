namespace Platform.AuditWriter.Apis;

/// <summary>
/// Body of <c>POST /api/usage/model-calls</c>: one model call an agent made. <see cref="Cost"/> is in US dollars;
/// <see cref="OccurredAt"/> defaults to now. Reporting the same <see cref="RequestId"/> again records nothing new.
/// </summary>
public sealed record ModelCallReport(
    string? Model,
    string? Provider,
    long? InputTokens,
    long? OutputTokens,
    long? CachedTokens,
    decimal? Cost,
    long? LatencyMs,
    string? RequestId,
    DateTimeOffset? OccurredAt);
