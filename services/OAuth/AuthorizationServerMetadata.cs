namespace Platform.OAuth;

/// <summary>The parts of RFC 8414 (or OpenID discovery) metadata the engine uses.</summary>
public sealed record AuthorizationServerMetadata
{
    public required string Issuer { get; init; }

    public Uri? AuthorizationEndpoint { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public Uri? RegistrationEndpoint { get; init; }

    public Uri? RevocationEndpoint { get; init; }

    public IReadOnlyList<string>? ScopesSupported { get; init; }

    public IReadOnlyList<string>? CodeChallengeMethodsSupported { get; init; }

    public IReadOnlyList<string>? TokenEndpointAuthMethodsSupported { get; init; }

    public bool ClientIdMetadataDocumentSupported { get; init; }

    public bool AuthorizationResponseIssParameterSupported { get; init; }

    /// <summary>Where the metadata came from; null for the 2025-03-26 default endpoints, which have no document.</summary>
    public Uri? Source { get; init; }
}
