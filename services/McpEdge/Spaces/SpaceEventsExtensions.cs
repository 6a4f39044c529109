using Platform.McpEdge.Spaces;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Space events for agents: the grants (from the registry), the events (from webhook-ingress), the tool and the resources.</summary>
public static class SpaceEventsExtensions
{
    public static IServiceCollection AddSpaceEvents(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(nameof(SpaceEventsClient), client => client.BaseAddress = SpaceEventsClient.BaseAddress);
        services.AddSingleton<SpaceGrants>();
        services.AddSingleton<SpaceEventReader>();
        services.AddSingleton<SpaceEventsTool>();
        services.AddSingleton<SpaceResources>();
        return services;
    }
}
