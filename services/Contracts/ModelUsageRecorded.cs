namespace Platform.Contracts;

/// <summary>A model call consumed tokens that belong in the usage ledger.</summary>
public sealed record ModelUsageRecorded(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string Model,
    long InputTokens,
    long OutputTokens,
    decimal Cost);
