namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>Scheme names and token prefixes of the registry's bearer credentials.</summary>
public static class RegistryAuthenticationDefaults
{
    /// <summary>Tenant admin keys: <c>Authorization: Bearer adm_...</c>.</summary>
    public const string AdminKeyScheme = "AdminKey";

    /// <summary>Agent tokens: <c>Authorization: Bearer agt_...</c>.</summary>
    public const string AgentTokenScheme = "AgentToken";

    public const string AdminKeyPrefix = "adm_";
    public const string AgentTokenPrefix = "agt_";
}
