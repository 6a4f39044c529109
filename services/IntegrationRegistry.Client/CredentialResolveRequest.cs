namespace Platform.IntegrationRegistry.Client;

/// <summary>Body of <c>POST /internal/credentials/resolve</c>: the credential of this subject on this install, in this tenant.</summary>
public sealed record CredentialResolveRequest(Guid TenantId, Guid InstallId, Guid SubjectId);
