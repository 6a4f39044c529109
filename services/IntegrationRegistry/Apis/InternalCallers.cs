using Platform.ServiceDefaults;

namespace Platform.IntegrationRegistry.Apis;

/// <summary>Which platform services may call which internal endpoints (by their service credential).</summary>
public static class InternalCallers
{
    /// <summary>The gateway checks agent tokens only to key its per-agent rate limit.</summary>
    public static readonly string[] Authentication = [ServiceNames.McpEdge, ServiceNames.OAuthBroker, ServiceNames.WebhookIngress, ServiceNames.AuditWriter, ServiceNames.Gateway];

    public static readonly string[] Catalog = [ServiceNames.McpEdge, ServiceNames.OAuthBroker];

    public static readonly string[] TenantsAndSpaces = [ServiceNames.WebhookIngress, ServiceNames.McpEdge];

    /// <summary>A tenant's slug by its id: only the vault, which binds secret references to it.</summary>
    public static readonly string[] TenantSlugs = [ServiceNames.SecretsVault];

    /// <summary>An identity by id, name or e-mail: webhook-ingress checks a route's attribution against it.</summary>
    public static readonly string[] Identities = [ServiceNames.WebhookIngress, ServiceNames.OAuthBroker];

    /// <summary>An install's OAuth client settings (client id, secret handle, endpoints), the credentials a consent produces, and the release of revoked tokens it revoked upstream: only the broker.</summary>
    public static readonly string[] OAuthSettings = [ServiceNames.OAuthBroker];

    public static readonly string[] AgentEndpoints = [ServiceNames.McpEdge];

    /// <summary>The Spaces an agent may read: only the edge, which serves them to agents.</summary>
    public static readonly string[] SpaceGrants = [ServiceNames.McpEdge];
}
