using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Binding;

/// <summary>
/// Whether a reference belongs to a tenant: an env variable with the tenant's own prefix (or on the tenant's
/// operator list), a Key Vault host (and secret-name prefix) on the tenant's operator list; never a variable of
/// the platform's own. Asked when a reference is created and again at every resolve, with the tenant's current
/// slug and the current configuration. Messages name the rule, never the value given.
/// </summary>
public sealed partial class TenantReferencePolicy(IOptionsMonitor<EnvSecretOptions> env, IOptionsMonitor<TenantSecretOptions> tenants)
{
    /// <summary>Why <paramref name="reference"/> may not be used by this tenant, or null if it may (always null for the encrypted form).</summary>
    public string? Refuse(string tenantSlug, SecretReference reference) => reference switch
    {
        EnvReference envReference => RefuseVariable(tenantSlug, envReference.VariableName),
        CloudReference cloudReference => RefuseIdentifier(tenantSlug, cloudReference.Identifier),
        _ => null,
    };

    public string? RefuseVariable(string tenantSlug, string? variableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantSlug);
        if (string.IsNullOrEmpty(variableName) || !VariableName().IsMatch(variableName))
        {
            return "A variable name has letters, digits and underscores only (at most 128).";
        }
        var prefix = TenantEnvPrefix.For(env.CurrentValue.Prefix, tenantSlug);
        var own = variableName.StartsWith(prefix, StringComparison.Ordinal) && IsOwnRemainder(variableName[prefix.Length..]);
        var granted = Grant(tenantSlug)?.EnvironmentVariables.Contains(variableName, StringComparer.Ordinal) == true
            && !PlatformVariables.IsPlatformOwned(variableName);
        return own || granted
            ? null
            : $"Only this tenant's own environment variables may be referenced: names starting with '{prefix}', or those the operator lists under Vault:Tenants:{tenantSlug}:EnvironmentVariables.";
    }

    public string? RefuseIdentifier(string tenantSlug, CloudSecretIdentifier identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantSlug);
        ArgumentNullException.ThrowIfNull(identifier);
        var allowed = Grant(tenantSlug)?.KeyVaults.Any(grant =>
            string.Equals(grant.Host.Trim(), identifier.Host, StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrEmpty(grant.SecretNamePrefix) || identifier.Name.StartsWith(grant.SecretNamePrefix, StringComparison.OrdinalIgnoreCase))) == true;
        return allowed
            ? null
            : $"The secret identifier's Key Vault (or secret name) is not one the operator allows this tenant (Vault:Tenants:{tenantSlug}:KeyVaults).";
    }

    /// <summary>
    /// What follows the tenant's prefix: a name of its own, not another tenant's. A longer slug's prefix would
    /// continue with '_' (<c>acme-</c>) or carry a further <c>__</c> (<c>acme--prod</c>); neither is accepted.
    /// </summary>
    private static bool IsOwnRemainder(string remainder) =>
        remainder.Length > 0 && remainder[0] != '_' && !remainder.Contains("__", StringComparison.Ordinal);

    private TenantSecretGrant? Grant(string tenantSlug) => tenants.CurrentValue.Tenants.GetValueOrDefault(tenantSlug);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();
}
