namespace Platform.WebhookIngress.Receiving;

/// <summary>Finds the route a webhook was sent to.</summary>
public interface IWebhookRouteDirectory
{
    /// <summary>Throws <see cref="HttpRequestException"/> when the registry cannot be asked.</summary>
    Task<RouteLookup> FindAsync(string tenantSlug, string routeSlug, CancellationToken ct);
}
