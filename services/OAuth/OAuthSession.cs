namespace Platform.OAuth;

/// <summary>
/// What discovery and registration settled for one MCP server: the resource to name, the authorization server,
/// the client to be there, and the scopes the rules chose. Every token operation starts from one.
/// </summary>
public sealed record OAuthSession
{
    public required Uri Server { get; init; }

    /// <summary>The <c>resource</c> parameter: the resource metadata's value when it covers the server, else the canonical server URI.</summary>
    public required string Resource { get; init; }

    public ProtectedResourceMetadata? ResourceMetadata { get; init; }

    public Uri? ResourceMetadataSource { get; init; }

    public required AuthorizationServerMetadata AuthorizationServer { get; init; }

    public required ClientRegistration Client { get; init; }

    /// <summary>The scopes chosen by the spec's rule (challenge, resource metadata, configured), before <c>offline_access</c>.</summary>
    public string? Scope { get; init; }

    public required OAuthClientSettings Settings { get; init; }
}
