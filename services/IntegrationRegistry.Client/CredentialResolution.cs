namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// The credential of one subject on one install: status (<c>active</c>, <c>revoked</c>, <c>expired</c>,
/// <c>needs-reauth</c>), vault secret ids by role (e.g. <c>api-key</c>, <c>access-token</c>, <c>refresh-token</c>),
/// and for static credentials the header to send them in. Never carries secret material.
/// </summary>
public sealed record CredentialResolution(
    Guid CredentialId,
    Guid InstallId,
    Guid SubjectIdentityId,
    string Status,
    IReadOnlyDictionary<string, Guid> SecretHandles,
    string? HeaderName,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt);
