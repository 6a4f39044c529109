using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Platform.Gateway.Routing;

/// <summary>
/// One cluster per routed service, with one destination named after it (<c>http://mcp-edge</c>); service
/// discovery's YARP resolver turns it into one destination per endpoint the AppHost configured (every replica).
/// </summary>
public static class GatewayClusters
{
    public static IReadOnlyList<ClusterConfig> Build(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. GatewayRoutes.Clusters.Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
            {
                [service] = new DestinationConfig { Address = $"http://{service}" },
            },
            HealthCheck = GatewayRoutes.ActivelyChecked.Contains(service) ? ActiveHealthCheck(options) : null,
        })];
    }

    private static HealthCheckConfig ActiveHealthCheck(GatewayOptions options) => new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = options.HealthCheckInterval,
            Timeout = options.HealthCheckTimeout,
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath,
        },
    };
}
