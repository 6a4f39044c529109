using System.Security.Claims;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.WebhookIngress.Apis;

/// <summary>The tenant an admin key belongs to; every admin operation is confined to it.</summary>
public static class TenantClaims
{
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(RegistryClaimTypes.TenantId), out var id)
            ? id
            : throw new InvalidOperationException("The principal has no tenant; the endpoint must require an admin key.");

    public static string TenantSlug(this ClaimsPrincipal user) =>
        user?.FindFirstValue(RegistryClaimTypes.TenantSlug)
            ?? throw new InvalidOperationException("The principal has no tenant slug; the endpoint must require an admin key.");
}
