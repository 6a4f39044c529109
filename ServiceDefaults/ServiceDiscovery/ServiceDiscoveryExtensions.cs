using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configuration-based service discovery behind the names of <c>Microsoft.Extensions.ServiceDiscovery</c>.</summary>
public static class ServiceDiscoveryExtensions
{
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ServiceEndpointResolver>();
        services.TryAddTransient<ServiceDiscoveryHandler>();
        return services;
    }

    /// <summary>Resolves the client's logical service URIs through <see cref="ServiceEndpointResolver"/>.</summary>
    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServiceDiscovery();
        return builder.AddHttpMessageHandler<ServiceDiscoveryHandler>();
    }

    /// <summary>A named client (named after the service) whose base address is <c>https+http://{serviceName}</c>.</summary>
    public static IHttpClientBuilder AddServiceHttpClient(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        return services.AddHttpClient(serviceName, client => client.BaseAddress = new Uri($"https+http://{serviceName}"));
    }
}
