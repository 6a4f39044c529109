namespace Platform.IntegrationRegistry.Model;

/// <summary>One subject's credential on one install: status and the roles of its vault secrets, never material.</summary>
public sealed record Credential(
    Guid Id,
    Guid InstallId,
    Guid SubjectIdentityId,
    string Status,
    IReadOnlyList<string> SecretRoles,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt);
