namespace Platform.SecretsVault.Client;

/// <summary>
/// What a secret is for, fixed when it is created. The vault lets each platform service create and resolve only
/// the purposes it has business with (an edge resolves upstream credentials and OAuth access tokens, never a
/// webhook signing secret or a refresh token).
/// </summary>
public static class SecretPurposes
{
    /// <summary>A credential the edge sends to an upstream (API key, a token given by an admin); written by the registry.</summary>
    public const string UpstreamCredential = "upstream-credential";

    /// <summary>An OAuth client's secret, used by the broker at the token endpoint.</summary>
    public const string OAuthClientSecret = "oauth-client-secret";

    /// <summary>An OAuth access token the broker obtained; the edge sends it upstream.</summary>
    public const string OAuthToken = "oauth-token";

    /// <summary>An OAuth refresh token; only the broker ever sees it.</summary>
    public const string OAuthRefreshToken = "oauth-refresh-token";

    /// <summary>The secret webhook-ingress verifies a route's deliveries with.</summary>
    public const string WebhookSigningSecret = "webhook-signing-secret";

    public static readonly IReadOnlyList<string> All = [UpstreamCredential, OAuthClientSecret, OAuthToken, OAuthRefreshToken, WebhookSigningSecret];
}
