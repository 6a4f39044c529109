using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Client;
using Platform.WebhookIngress.Data;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// Tenant by slug from the registry (remembered briefly, including "unknown"), then the route from this service's own
/// table, kept in <see cref="RouteCache"/> until a change notice drops it, so that disabling, rotating or deleting a route
/// takes effect as soon as its notice arrives.
/// </summary>
public sealed class WebhookRouteDirectory(
    RegistryClient registry,
    WebhookRouteStore routes,
    RouteCache routeCache,
    IMemoryCache cache,
    IOptions<WebhookIngressOptions> options) : IWebhookRouteDirectory
{
    public async Task<RouteLookup> FindAsync(string tenantSlug, string routeSlug, CancellationToken ct)
    {
        var tenant = await FindTenantAsync(tenantSlug, ct);
        if (tenant is null)
        {
            return RouteLookup.NoTenant;
        }
        if (routeCache.TryGet(tenant.TenantId, routeSlug, out var cached))
        {
            return new RouteLookup(true, cached);
        }
        var readAt = routeCache.Generation;
        var route = await routes.FindBySlugAsync(tenant.TenantId, routeSlug, ct);
        if (route is not null)
        {
            routeCache.Keep(route, readAt);
        }
        return new RouteLookup(true, route);
    }

    private async Task<TenantInfo?> FindTenantAsync(string slug, CancellationToken ct)
    {
        var key = (typeof(TenantInfo), slug);
        if (cache.TryGetValue(key, out TenantInfo? known))
        {
            return known;
        }
        var tenant = await registry.GetTenantBySlugAsync(slug, ct);
        var settings = options.Value;
        cache.Set(key, tenant, tenant is null ? settings.UnknownTenantCacheDuration : settings.TenantCacheDuration);
        return tenant;
    }
}
