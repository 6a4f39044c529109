namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Named clients for platform services, resolved by service discovery.</summary>
public static class ServiceHttpClientExtensions
{
    /// <summary>A named client (named after the service) whose base address is <c>https+http://{serviceName}</c>.</summary>
    public static IHttpClientBuilder AddServiceHttpClient(this IServiceCollection services, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        return services.AddHttpClient(serviceName, client => client.BaseAddress = new Uri($"https+http://{serviceName}"));
    }
}
