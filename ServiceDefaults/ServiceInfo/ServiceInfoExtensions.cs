using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>Which service and instance answered: how tests see where the gateway routed a request.</summary>
public static class ServiceInfoExtensions
{
    /// <summary>Maps <c>GET {pathPrefix}/about</c> returning <c>{"service","instance","version"}</c>.</summary>
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder endpoints, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        if (pathPrefix.Length > 0 && !pathPrefix.StartsWith('/'))
        {
            throw new ArgumentException("The path prefix must start with '/'.", nameof(pathPrefix));
        }
        return endpoints.MapGet($"{pathPrefix.TrimEnd('/')}/about", GetServiceInfo)
            .WithName($"ServiceInfo{pathPrefix.Replace('/', '-')}")
            .ExcludeFromDescription();
    }

    private static Ok<ServiceInfo> GetServiceInfo(ServiceIdentity identity) =>
        TypedResults.Ok(new ServiceInfo(identity.Service, identity.Instance, identity.Version));
}
