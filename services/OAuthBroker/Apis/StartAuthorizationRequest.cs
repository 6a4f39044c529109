namespace Platform.OAuthBroker.Apis;

/// <summary>Start connecting <see cref="IdentityId"/> to the install: the body of <c>POST /internal/oauth/authorizations</c>.</summary>
public sealed record StartAuthorizationRequest(Guid? TenantId, Guid? InstallId, Guid? IdentityId);
