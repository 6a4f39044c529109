namespace Platform.Contracts;

/// <summary>A subject finished connecting a credential to an install.</summary>
public sealed record CredentialConnected(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid CredentialId,
    Guid InstallId,
    string SubjectId);
