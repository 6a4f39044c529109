using Platform.ServiceDefaults.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Platform.Gateway.Routing;

/// <summary>One cluster per routed service; every endpoint service discovery configures becomes a destination.</summary>
public static class GatewayClusters
{
    // Never set SessionAffinity with the "HashCookie" policy: it needs System.IO.Hashing, which cannot be restored here.
    public static IReadOnlyList<ClusterConfig> Build(ServiceEndpointResolver resolver, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        return [.. GatewayRoutes.Clusters.Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = resolver.GetEndpoints(service)
                .Select((endpoint, index) => (Id: $"{service}-{index}", Address: endpoint.AbsoluteUri))
                .ToDictionary(destination => destination.Id, destination => new DestinationConfig { Address = destination.Address }, StringComparer.Ordinal),
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
