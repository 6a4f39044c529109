namespace Platform.IntegrationRegistry.Client;

/// <summary>The broker renewed a credential's tokens in place (same vault handles, new versions): the new expiry and granted scopes.</summary>
public sealed record OAuthTokenRefreshed(DateTimeOffset? ExpiresAt, IReadOnlyList<string> Scopes);
