namespace Platform.AuditWriter.Queries;

/// <summary>
/// One model call in the usage ledger; <see cref="Cost"/> is in US dollars. The agent's slug and the identity's name
/// are as they were when the call was reported (null in rows written before they were kept).
/// </summary>
public sealed record ModelCallItem(
    Guid Id,
    DateTime OccurredAt,
    string AgentId,
    string? IdentityId,
    string Model,
    string? Provider,
    long InputTokens,
    long OutputTokens,
    long CachedTokens,
    decimal Cost,
    long? LatencyMs,
    string? RequestId,
    string? AgentSlug,
    string? IdentityName);
