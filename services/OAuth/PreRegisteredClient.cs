namespace Platform.OAuth;

/// <summary>
/// A client an operator registered with the provider by hand. Fixed endpoints, when given, replace what discovery
/// found (for providers that publish no metadata or publish it somewhere no rule reaches).
/// </summary>
public sealed record PreRegisteredClient(string ClientId, string? ClientSecret, string TokenEndpointAuthMethod)
{
    public Uri? AuthorizationEndpoint { get; init; }

    public Uri? TokenEndpoint { get; init; }

    public override string ToString() => $"PreRegisteredClient {{ ClientId = {ClientId}, TokenEndpointAuthMethod = {TokenEndpointAuthMethod} }}";
}
