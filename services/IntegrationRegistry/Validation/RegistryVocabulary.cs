namespace Platform.IntegrationRegistry.Validation;

/// <summary>The fixed words of the model: definition kinds, auth method kinds, credential secret roles.</summary>
public static class RegistryVocabulary
{
    public static readonly IReadOnlyList<string> DefinitionKinds = ["mcp", "oauth-api"];

    public static readonly IReadOnlyList<string> AuthMethodKinds = ["none", "static", "oauth-discovered", "oauth-preregistered", "client-credentials"];

    /// <summary>Auth method kinds whose client secret the registry keeps (as a vault handle).</summary>
    public static readonly IReadOnlyList<string> KindsWithClientSecret = ["oauth-preregistered", "client-credentials"];

    /// <summary>Auth method kinds that need no per-subject credential.</summary>
    public static readonly IReadOnlyList<string> KindsWithoutSubjectCredential = ["none", "client-credentials"];

    /// <summary>The secret role a <c>static</c> credential must carry: the key sent in the auth method's header.</summary>
    public const string ApiKeyRole = "api-key";
}
