using Platform.ServiceDefaults;

namespace Platform.SecretsVault.Apis;

/// <summary>Which platform services may do what. Nobody may list secrets, and only resolvers ever see material.</summary>
public static class VaultCallers
{
    /// <summary>May read a secret's current material.</summary>
    public static readonly string[] Resolvers = [ServiceNames.McpEdge, ServiceNames.OAuthBroker, ServiceNames.WebhookIngress];

    /// <summary>May create secrets, write new versions and revoke them.</summary>
    public static readonly string[] Writers = [ServiceNames.IntegrationRegistry, ServiceNames.OAuthBroker, ServiceNames.WebhookIngress];

    /// <summary>May read one secret's metadata (kind, version, status; never material).</summary>
    public static readonly string[] MetadataReaders = [.. Resolvers.Union(Writers)];
}
