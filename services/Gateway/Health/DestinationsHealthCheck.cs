using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Platform.Gateway.Health;

/// <summary>Degraded while a routed service has no destination, so its routes can only answer 503.</summary>
internal sealed class DestinationsHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var empty = proxyState.GetClusters()
            .Where(cluster => cluster.Destinations.IsEmpty)
            .Select(cluster => cluster.ClusterId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(empty.Count == 0
            ? HealthCheckResult.Healthy("Every routed service has a destination")
            : HealthCheckResult.Degraded($"No destination for: {string.Join(", ", empty)}"));
    }
}
