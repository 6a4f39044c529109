namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Create or replace an auth method. <c>static</c> needs <c>headerName</c>. <c>oauth</c> (a person's consent) takes
/// an optional pre-registered client: <c>clientId</c>, <c>clientSecret</c> and <c>tokenEndpointAuthMethod</c>
/// (<c>client_secret_basic</c>, <c>client_secret_post</c> or <c>none</c>), optional fixed endpoints; without a client
/// the broker presents its Client ID Metadata Document or registers itself. <c>client-credentials</c> needs
/// <c>clientId</c> and <c>clientSecret</c>. <c>clientSecret</c> goes straight to the vault.
/// <c>resourceOnRefresh</c> (default true) is turned off for providers that reject <c>resource</c> on a refresh.
/// </summary>
public sealed record AuthMethodRequest(
    Guid? DefinitionId,
    string? Name,
    string? Kind,
    string? HeaderName,
    IReadOnlyList<string>? Scopes,
    string? AuthorizationEndpoint,
    string? TokenEndpoint,
    string? ClientId,
    string? ClientSecret,
    string? TokenEndpointAuthMethod = null,
    bool? ResourceOnRefresh = null)
{
    /// <summary>
    /// The method stored with a client: the one given, else <c>client_secret_basic</c> when it has a secret (always for
    /// client credentials), else <c>none</c>; null without a client.
    /// </summary>
    public string? EffectiveTokenEndpointAuthMethod(bool hasSecret) => ClientId is null
        ? null
        : TokenEndpointAuthMethod ?? (hasSecret || Kind == "client-credentials" ? "client_secret_basic" : "none");

    public override string ToString() => $"AuthMethodRequest {{ DefinitionId = {DefinitionId}, Name = {Name}, Kind = {Kind} }}";
}
