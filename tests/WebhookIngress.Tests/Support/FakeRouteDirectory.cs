using Platform.WebhookIngress.Receiving;
using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Tests.Support;

/// <summary>Routes of one tenant, in memory.</summary>
public sealed class FakeRouteDirectory(string tenantSlug, params WebhookRoute[] routes) : IWebhookRouteDirectory
{
    public Task<RouteLookup> FindAsync(string tenant, string routeSlug, CancellationToken ct) =>
        Task.FromResult(tenant != tenantSlug
            ? RouteLookup.NoTenant
            : new RouteLookup(true, routes.FirstOrDefault(route => route.Slug == routeSlug)));
}
