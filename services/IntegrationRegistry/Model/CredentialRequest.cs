namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Create a credential for a subject on an install. <c>secrets</c> maps a role (<c>api-key</c>, <c>access-token</c>,
/// ...) to its material or a reference; material goes straight to the vault and only the handles are kept.
/// </summary>
public sealed record CredentialRequest(
    Guid? InstallId,
    Guid? SubjectIdentityId,
    IReadOnlyDictionary<string, SecretInput>? Secrets,
    IReadOnlyList<string>? Scopes,
    DateTimeOffset? ExpiresAt)
{
    public override string ToString() => $"CredentialRequest {{ InstallId = {InstallId}, SubjectIdentityId = {SubjectIdentityId} }}";
}
