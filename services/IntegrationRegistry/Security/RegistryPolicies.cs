using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Security;

/// <summary>Authorization policies of the registry's public (gateway-routed) API.</summary>
public static class RegistryPolicies
{
    /// <summary>A tenant admin key; every admin endpoint is confined to its tenant.</summary>
    public const string TenantAdmin = "tenant-admin";

    /// <summary>The platform operator key.</summary>
    public const string Operator = "platform-operator";

    public static IServiceCollection AddRegistryPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(TenantAdmin, policy => policy
                .AddAuthenticationSchemes(RegistryAuthenticationDefaults.AdminKeyScheme)
                .RequireClaim(RegistryClaimTypes.TenantId))
            .AddPolicy(Operator, policy => policy
                .AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName)
                .RequireClaim(OperatorAuthenticationHandler.OperatorClaim))
            .Services;
}
