namespace Platform.SecretsVault.Options;

/// <summary>
/// Section <c>Vault</c>, key <c>Tenants</c>: per tenant (keyed by its slug), the environment variables and Azure Key
/// Vaults the operator lets that tenant's references name, beyond the variables carrying the tenant's own prefix.
/// Nothing is shared: a tenant absent here may name only its own prefixed variables.
/// </summary>
public sealed class TenantSecretOptions
{
    public const string SectionName = "Vault";

    /// <summary>Tenant slug → what that tenant may reference (<c>Vault__Tenants__acme__KeyVaults__0__Host</c>, ...).</summary>
    public Dictionary<string, TenantSecretGrant> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a tenant's slug, asked of the registry, is kept before it is asked again.</summary>
    public TimeSpan TenantCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
