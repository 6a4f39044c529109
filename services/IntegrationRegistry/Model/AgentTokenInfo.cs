namespace Platform.IntegrationRegistry.Model;

/// <summary>What is kept about an agent token: never its value, not even its hash.</summary>
public sealed record AgentTokenInfo(
    Guid Id,
    Guid AgentId,
    string? Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
