namespace Platform.OAuthBroker.Apis;

/// <summary>
/// The edge asking for a credential's current access token: its tenant, and when an upstream refused a token, the
/// SHA-256 (hex) of that token, so the broker renews only if it is still the stored one.
/// </summary>
public sealed record FreshTokenRequest(Guid? TenantId, string? RejectedTokenSha256);
