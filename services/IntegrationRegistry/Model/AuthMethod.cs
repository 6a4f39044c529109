namespace Platform.IntegrationRegistry.Model;

/// <summary>How the tenant authenticates to a definition. The client secret, if any, lives in the vault; only its presence shows.</summary>
public sealed record AuthMethod(
    Guid Id,
    Guid DefinitionId,
    string Name,
    string Kind,
    string? HeaderName,
    IReadOnlyList<string> Scopes,
    string? AuthorizationEndpoint,
    string? TokenEndpoint,
    string? ClientId,
    bool HasClientSecret,
    string? TokenEndpointAuthMethod,
    bool ResourceOnRefresh,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
