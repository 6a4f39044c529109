namespace Platform.OAuth;

/// <summary>The names of the engine's steps, as they begin every <see cref="OAuthException"/> message.</summary>
public static class OAuthSteps
{
    public const string UnauthenticatedRequest = "unauthenticated request";
    public const string ProtectedResourceMetadata = "protected resource metadata";
    public const string AuthorizationServerMetadata = "authorization server metadata";
    public const string ClientRegistration = "client registration";
    public const string AuthorizationRequest = "authorization request";
    public const string AuthorizationResponse = "authorization response";
    public const string TokenRequest = "token request";
    public const string ClientCredentials = "client credentials";
    public const string Refresh = "refresh";
    public const string Revocation = "revocation";
    public const string StepUp = "step-up";
}
