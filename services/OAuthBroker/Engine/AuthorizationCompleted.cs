namespace Platform.OAuthBroker.Engine;

/// <summary>
/// A completed authorization: whom it is for, the registry credential now holding it, what was granted, and the vault
/// handles of the tokens (handles only; the tokens themselves never leave the vault and the broker), and whom the
/// person signed in as: <paramref name="Account"/> when the provider named the account (an ID token), and always the
/// provider's host (<paramref name="Provider"/>).
/// </summary>
public sealed record AuthorizationCompleted(
    Guid TenantId,
    Guid InstallId,
    Guid IdentityId,
    Guid CredentialId,
    string? Scope,
    DateTimeOffset? ExpiresAt,
    Guid AccessTokenSecretId,
    Guid? RefreshTokenSecretId,
    string? Account,
    string Provider);
