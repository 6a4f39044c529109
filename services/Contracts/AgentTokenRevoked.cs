namespace Platform.Contracts;

/// <summary>An agent token was revoked (or its agent deleted); caches of authenticated tokens must drop the agent's entries.</summary>
public sealed record AgentTokenRevoked(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid AgentId,
    Guid TokenId);
