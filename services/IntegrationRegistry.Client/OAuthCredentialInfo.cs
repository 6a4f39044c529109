namespace Platform.IntegrationRegistry.Client;

/// <summary>The identity's live credential on the install after the broker stored a consent.</summary>
public sealed record OAuthCredentialInfo(Guid CredentialId, Guid InstallId, Guid SubjectIdentityId, string Status);
