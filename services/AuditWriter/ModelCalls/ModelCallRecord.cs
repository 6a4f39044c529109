namespace Platform.AuditWriter.ModelCalls;

/// <summary>
/// One row of <c>usage.model_calls</c>: a validated <c>ModelUsageRecorded</c>; the slug and name are the reporter's
/// when it reported (null in records from publishers that predate them).
/// </summary>
public sealed record ModelCallRecord(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string? SubjectId,
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
