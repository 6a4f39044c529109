namespace Platform.ServiceDefaults;

/// <summary>The platform's resource names, which are also the host names service discovery resolves.</summary>
public static class ServiceNames
{
    /// <summary>Where Aspire puts each referenced service's endpoints: <c>services:{name}:{endpoint}:{index}</c>.</summary>
    public const string DiscoverySection = "services";

    public const string Gateway = "gateway";
    public const string McpEdge = "mcp-edge";
    public const string OAuthBroker = "oauth-broker";
    public const string SecretsVault = "secrets-vault";
    public const string IntegrationRegistry = "integration-registry";
    public const string WebhookIngress = "webhook-ingress";
    public const string AuditWriter = "audit-writer";
}
