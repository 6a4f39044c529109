namespace Platform.OAuth;

/// <summary>Which grant a session is prepared for (a dynamic registration is made per grant).</summary>
public enum OAuthGrant
{
    AuthorizationCode,
    ClientCredentials,
}
