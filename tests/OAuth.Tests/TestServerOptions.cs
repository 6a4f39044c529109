namespace Platform.OAuth.Tests;

/// <summary>The variant of authorization server and protected MCP server a test runs against.</summary>
public sealed record TestServerOptions
{
    public ResourceMetadataPlacement ResourceMetadata { get; init; } = ResourceMetadataPlacement.PathInserted;

    /// <summary>Whether the 401 names the metadata URL (always, for <see cref="ResourceMetadataPlacement.HeaderOnly"/>).</summary>
    public bool ResourceMetadataInHeader { get; init; }

    public string? ChallengeScope { get; init; }

    public string[]? ResourceScopesSupported { get; init; }

    /// <summary>Overrides the metadata's <c>resource</c> (default: the MCP endpoint's URL).</summary>
    public string? ResourceOverride { get; init; }

    public string IssuerPath { get; init; } = "";

    public ServerMetadataPlacement ServerMetadata { get; init; } = ServerMetadataPlacement.OAuthInserted;

    public string? IssuerOverride { get; init; }

    public string[]? CodeChallengeMethods { get; init; } = ["S256"];

    public string[]? ServerScopesSupported { get; init; }

    public bool ClientIdMetadataDocument { get; init; }

    public bool DynamicRegistration { get; init; } = true;

    public string[] TokenEndpointAuthMethods { get; init; } = ["client_secret_basic", "client_secret_post", "none"];

    public bool IssParameter { get; init; }

    /// <summary>Sends an <c>iss</c> other than the issuer in the callback.</summary>
    public string? WrongIss { get; init; }

    /// <summary>A pre-registered client the server knows: id, secret, auth method.</summary>
    public (string Id, string? Secret, string Method)? PreRegistered { get; init; }

    /// <summary>The scope a tool call needs; a token without it gets 403 insufficient_scope.</summary>
    public string? RequiredScope { get; init; }

    /// <summary>Each 403 asks for a scope never granted before: step-up that can never succeed.</summary>
    public bool EndlessStepUp { get; init; }

    /// <summary>The <c>expires_in</c> of every access token; the MCP endpoint refuses a token past it (401).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Answers replacing an endpoint's, by path: status, content type, body.</summary>
    public Dictionary<string, (int Status, string ContentType, string Body)> Faults { get; init; } = [];

    /// <summary>Paths that never answer within a test's timeout.</summary>
    public HashSet<string> Hanging { get; init; } = [];

    /// <summary>A fixed bearer token the MCP endpoint also accepts (a static API key), so one upstream serves an OAuth and a static-key install alike.</summary>
    public string? StaticBearer { get; init; }
}
