using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Apis;

/// <summary>A route as the admin API shows it; <paramref name="Path"/> is where senders post (through the gateway).</summary>
public sealed record WebhookRouteResponse(
    Guid Id,
    string Slug,
    string Path,
    Guid SpaceId,
    string Scheme,
    string? RequesterIdentity,
    string? CredentialSubject,
    int MaxPayloadBytes,
    int TimestampToleranceSeconds,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WebhookRouteResponse From(WebhookRoute route, string tenantSlug)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new(route.Id, route.Slug, $"/webhooks/{tenantSlug}/{route.Slug}", route.SpaceId, route.Scheme, route.RequesterIdentity,
            route.CredentialSubject, route.MaxPayloadBytes, route.TimestampToleranceSeconds, route.Enabled, route.CreatedAt, route.UpdatedAt);
    }
}
