namespace Platform.OAuth;

/// <summary>What an install's auth method says about how to act as an OAuth client of one upstream.</summary>
public sealed record OAuthClientSettings
{
    /// <summary>Used first when set.</summary>
    public PreRegisteredClient? PreRegistered { get; init; }

    /// <summary>The https URL of our Client ID Metadata Document, presented when the server supports CIMD.</summary>
    public Uri? ClientMetadataDocumentUrl { get; init; }

    /// <summary>Where the authorization server sends the person back (the broker's callback, the probe's listener).</summary>
    public Uri? RedirectUri { get; init; }

    /// <summary>Scopes to ask for when neither the challenge nor the resource metadata names any.</summary>
    public IReadOnlyList<string> ConfiguredScopes { get; init; } = [];

    /// <summary>Off for providers that reject <c>resource</c> on a refresh (Microsoft Entra).</summary>
    public bool ResourceOnRefresh { get; init; } = true;
}
