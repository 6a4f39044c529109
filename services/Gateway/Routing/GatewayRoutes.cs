using Platform.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Routing;

/// <summary>
/// The public surface: which path prefix reaches which service. The secrets vault is absent on purpose:
/// nothing outside the platform may reach it, and the gateway is given no address for it.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Public path patterns and the service (cluster) each one reaches.</summary>
    public static readonly IReadOnlyList<(string RouteId, string Path, string Cluster)> Table =
    [
        ("mcp", "/mcp", ServiceNames.McpEdge),
        ("mcp-rest", "/mcp/{**rest}", ServiceNames.McpEdge),
        ("oauth", "/oauth/{**rest}", ServiceNames.OAuthBroker),
        ("connect", "/connect/{**rest}", ServiceNames.OAuthBroker),
        ("registry", "/api/registry/{**rest}", ServiceNames.IntegrationRegistry),
        ("webhooks", "/webhooks/{**rest}", ServiceNames.WebhookIngress),
        ("webhooks-api", "/api/webhooks/{**rest}", ServiceNames.WebhookIngress),
        ("audit", "/api/audit/{**rest}", ServiceNames.AuditWriter),
        ("usage", "/api/usage/{**rest}", ServiceNames.AuditWriter),
    ];

    /// <summary>Services whose every replica is probed on <c>/health</c> and skipped while unhealthy.</summary>
    public static readonly IReadOnlySet<string> ActivelyChecked = new HashSet<string>(StringComparer.Ordinal) { ServiceNames.McpEdge };

    /// <summary>The agents' MCP endpoint: the only route with a per-agent rate limit.</summary>
    public const string McpRouteId = "mcp";

    public static IReadOnlyList<string> Clusters => [.. Table.Select(route => route.Cluster).Distinct()];

    public static IReadOnlyList<RouteConfig> BuildRoutes() =>
        [.. Table.Select(route => new RouteConfig
        {
            RouteId = route.RouteId,
            ClusterId = route.Cluster,
            Match = new RouteMatch { Path = route.Path },
            RateLimiterPolicy = route.RouteId == McpRouteId ? RateLimiting.McpRateLimiting.PolicyName : null,
        })];
}
