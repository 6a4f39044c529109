using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>Scheme <c>AdminKey</c>: <c>Authorization: Bearer adm_...</c> → claims <c>tenant_id</c>, <c>tenant_slug</c>, <c>admin_key_id</c>.</summary>
public sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<RegistryBearerOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IRegistryAuthenticator authenticator,
    IPrincipalCache cache)
    : RegistryBearerHandler<AdminPrincipal>(options, loggerFactory, encoder, authenticator, cache)
{
    protected override string TokenPrefix => RegistryAuthenticationDefaults.AdminKeyPrefix;

    protected override Task<AdminPrincipal?> LookupAsync(IRegistryAuthenticator registry, string token, CancellationToken ct) =>
        registry.AuthenticateAdminKeyAsync(token, ct);

    protected override IEnumerable<Claim> CreateClaims(AdminPrincipal principal) =>
    [
        new(RegistryClaimTypes.TenantId, principal.TenantId.ToString()),
        new(RegistryClaimTypes.TenantSlug, principal.TenantSlug),
        new(RegistryClaimTypes.AdminKeyId, principal.KeyId.ToString()),
        new(ClaimTypes.Name, $"admin-key:{principal.KeyId}"),
    ];
}
