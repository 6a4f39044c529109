namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Create or replace an auth method. <c>static</c> needs <c>headerName</c>; <c>oauth-preregistered</c> needs
/// <c>clientId</c>, <c>authorizationEndpoint</c> and <c>tokenEndpoint</c>; <c>client-credentials</c> needs
/// <c>clientId</c> and <c>tokenEndpoint</c>. <c>clientSecret</c> goes straight to the vault.
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
    string? ClientSecret)
{
    public override string ToString() => $"AuthMethodRequest {{ DefinitionId = {DefinitionId}, Name = {Name}, Kind = {Kind} }}";
}
