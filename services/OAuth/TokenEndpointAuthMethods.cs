namespace Platform.OAuth;

/// <summary>How a client authenticates at the token endpoint (RFC 7591 section 2 names).</summary>
public static class TokenEndpointAuthMethods
{
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string None = "none";

    /// <summary>The methods the engine can use, in the order it prefers them for a registration of its own.</summary>
    public static IReadOnlyList<string> Preferred { get; } = [ClientSecretBasic, ClientSecretPost, None];

    public static bool IsKnown(string method) => Preferred.Contains(method, StringComparer.Ordinal);
}
