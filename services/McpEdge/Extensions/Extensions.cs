using Platform.ServiceDefaults;

namespace Platform.McpEdge;

/// <summary>The service's wiring: the stateless MCP endpoint agents connect to; any replica serves any request.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEventBus();
        builder.Services.AddServiceHttpClient(ServiceNames.IntegrationRegistry);
        builder.Services.AddServiceHttpClient(ServiceNames.SecretsVault);
        builder.Services.AddServiceHttpClient(ServiceNames.OAuthBroker);
        return builder;
    }
}
