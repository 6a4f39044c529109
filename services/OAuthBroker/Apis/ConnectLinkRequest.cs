namespace Platform.OAuthBroker.Apis;

/// <summary>
/// The body of <c>POST /internal/oauth/connect-links</c>: the identity to connect to the install, optionally the
/// scopes to ask for (a step-up; default the install's) and who asked (an agent, an admin key), kept with the link.
/// </summary>
public sealed record ConnectLinkRequest(Guid? TenantId, Guid? InstallId, Guid? IdentityId, string? Scope, string? RequestedBy);

/// <summary>A link made: the URL to give the person, when it lapses, and the integration it connects.</summary>
public sealed record ConnectLinkCreated(Uri Url, DateTimeOffset ExpiresAt, string Integration);
