namespace Platform.OAuthBroker.Engine;

/// <summary>Where to send the person's browser, the scopes asked for, and when the started authorization lapses.</summary>
public sealed record AuthorizationStarted(Uri AuthorizationUrl, string? Scope, DateTimeOffset ExpiresAt);
