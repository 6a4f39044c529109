namespace Platform.IntegrationRegistry.Validation;

/// <summary>The fixed words of the model: definition kinds, auth method kinds, credential secret roles.</summary>
public static class RegistryVocabulary
{
    public static readonly IReadOnlyList<string> DefinitionKinds = ["mcp", "oauth-api"];

    public static readonly IReadOnlyList<string> AuthMethodKinds = ["none", "static", "oauth", "client-credentials"];

    /// <summary>Auth method kinds that may carry an OAuth client (its secret kept as a vault handle) and endpoints.</summary>
    public static readonly IReadOnlyList<string> KindsWithClientSecret = ["oauth", "client-credentials"];

    /// <summary>Auth method kinds that need no per-subject credential.</summary>
    public static readonly IReadOnlyList<string> KindsWithoutSubjectCredential = ["none", "client-credentials"];

    /// <summary>How a client authenticates at the token endpoint (RFC 8414 names).</summary>
    public static readonly IReadOnlyList<string> TokenEndpointAuthMethods = ["client_secret_basic", "client_secret_post", "none"];

    /// <summary>The secret role a <c>static</c> credential must carry: the key sent in the auth method's header.</summary>
    public const string ApiKeyRole = "api-key";
}
