namespace Platform.IntegrationRegistry.Model;

/// <summary>What is kept about an admin key: never its value, not even its hash.</summary>
public sealed record AdminKeyInfo(
    Guid Id,
    string? Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
