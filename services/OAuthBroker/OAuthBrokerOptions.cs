namespace Platform.OAuthBroker;

/// <summary>The broker's settings (section <c>OAuthBroker</c>).</summary>
public sealed class OAuthBrokerOptions
{
    public const string SectionName = "OAuthBroker";

    /// <summary>
    /// The platform's public https base URL (the gateway as people and authorization servers reach it). When unset,
    /// the base is taken from the request as the gateway forwarded it, which suits a local run.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The name an authorization server shows on its consent page.</summary>
    public string ClientName { get; set; } = "MCP tool gateway";

    /// <summary>How long a connect link can be used (once) after it was made.</summary>
    public TimeSpan ConnectLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
