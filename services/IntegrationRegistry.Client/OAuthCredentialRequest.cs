namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// What the broker got for one identity on one install at the end of a consent: the vault handles of the access
/// token (purpose <c>oauth-token</c>) and refresh token (<c>oauth-refresh-token</c>), the granted scopes, the expiry.
/// </summary>
public sealed record OAuthCredentialRequest(Guid AccessTokenSecretId, Guid? RefreshTokenSecretId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);
