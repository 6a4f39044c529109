namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// What the broker needs to act as an OAuth client of one install's upstream: the MCP server URL, the auth method's
/// kind (<c>oauth</c> or <c>client-credentials</c>), its pre-registered client if any (the secret as a vault handle,
/// purpose <c>oauth-client-secret</c>), scopes, fixed endpoints and whether <c>resource</c> goes with a refresh.
/// </summary>
public sealed record InstallOAuthSettings(
    Guid InstallId,
    Guid TenantId,
    string BaseUrl,
    string AuthMethodKind,
    string? ClientId,
    Guid? ClientSecretId,
    string? TokenEndpointAuthMethod,
    IReadOnlyList<string> Scopes,
    string? AuthorizationEndpoint,
    string? TokenEndpoint,
    bool ResourceOnRefresh)
{
    /// <summary>The name a person knows the integration by (the install's display name, else the definition's).</summary>
    public string? DisplayName { get; init; }
}
