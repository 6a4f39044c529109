namespace Platform.OAuth;

/// <summary>Where to send the person's browser, and the state that will bring the answer back.</summary>
public sealed record AuthorizationRequest(Uri Url, string State, string? Scope);
