namespace Platform.OAuth;

/// <summary>What a dynamic registration is for: one issuer, one redirect URI (none for client credentials).</summary>
public sealed record ClientRegistrationKey(string Issuer, string? RedirectUri, string GrantType);
