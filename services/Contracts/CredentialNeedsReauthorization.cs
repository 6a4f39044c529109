namespace Platform.Contracts;

/// <summary>
/// A person's OAuth credential stopped working for good (the provider refused its grant: <c>invalid_grant</c>, or the
/// upstream refused renewed tokens): it is <c>needs-reauth</c> until the person connects again through a connect link.
/// Announced once per credential and episode, for whoever tells people (the credential stays, unlike a revocation).
/// </summary>
public sealed record CredentialNeedsReauthorization(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid CredentialId,
    Guid InstallId,
    string SubjectId);
