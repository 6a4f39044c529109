using System.Security.Claims;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Security;

/// <summary>The tenant an admin key confines its caller to.</summary>
public static class ClaimsPrincipalExtensions
{
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(RegistryClaimTypes.TenantId), out var tenantId)
            ? tenantId
            : throw new InvalidOperationException("The caller carries no tenant; the endpoint must require the tenant-admin policy.");
}
