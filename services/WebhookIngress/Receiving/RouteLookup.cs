using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Receiving;

/// <summary>The result of finding <c>/webhooks/{tenant}/{route}</c>: whether the tenant exists, and its route if it has one.</summary>
public readonly record struct RouteLookup(bool TenantFound, WebhookRoute? Route)
{
    public static readonly RouteLookup NoTenant = new(false, null);
}
