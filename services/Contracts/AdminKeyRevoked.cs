namespace Platform.Contracts;

/// <summary>A tenant admin key was revoked; caches of authenticated keys must drop it.</summary>
public sealed record AdminKeyRevoked(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid KeyId);
