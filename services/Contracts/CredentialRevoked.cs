namespace Platform.Contracts;

/// <summary>A credential can no longer be used; holders of cached tokens must drop them.</summary>
public sealed record CredentialRevoked(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid CredentialId,
    Guid InstallId,
    string SubjectId);
