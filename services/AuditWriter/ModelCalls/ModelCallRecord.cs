namespace Platform.AuditWriter.ModelCalls;

/// <summary>One row of <c>usage.model_calls</c>: a validated <c>ModelUsageRecorded</c>.</summary>
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
    string? RequestId);
