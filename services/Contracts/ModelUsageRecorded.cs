namespace Platform.Contracts;

/// <summary>
/// A model call consumed tokens that belong in the usage ledger. <paramref name="Cost"/> is in US dollars.
/// The parameters after <paramref name="Cost"/> were added later and are optional, so older publishers still build.
/// </summary>
/// <param name="CachedTokens">Input tokens served from the provider's prompt cache (a part of <paramref name="InputTokens"/>).</param>
/// <param name="RequestId">The provider's or the caller's request id; the same id from the same agent is recorded once.</param>
/// <param name="AgentSlug">The reporting agent's slug when it reported (null from older publishers).</param>
/// <param name="IdentityName">The name of the identity the agent acts for, when it reported (null from older publishers).</param>
public sealed record ModelUsageRecorded(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string AgentId,
    string Model,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    string? Provider = null,
    long CachedTokens = 0,
    long? LatencyMs = null,
    string? RequestId = null,
    string? SubjectId = null,
    string? AgentSlug = null,
    string? IdentityName = null);
