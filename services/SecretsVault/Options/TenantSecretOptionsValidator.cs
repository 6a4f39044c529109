using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Binding;

namespace Platform.SecretsVault.Options;

/// <summary>Fails start-up on a grant that names a platform variable, a malformed host or a cache that outlives a rename for long.</summary>
public sealed partial class TenantSecretOptionsValidator : IValidateOptions<TenantSecretOptions>
{
    public static readonly TimeSpan MaxCacheDuration = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, TenantSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TenantCacheDuration < TimeSpan.Zero || options.TenantCacheDuration > MaxCacheDuration)
        {
            failures.Add($"Vault:TenantCacheDuration must be between 0 and {MaxCacheDuration}.");
        }
        foreach (var (slug, grant) in options.Tenants)
        {
            for (var i = 0; i < grant.EnvironmentVariables.Count; i++)
            {
                if (PlatformVariables.IsPlatformOwned(grant.EnvironmentVariables[i]))
                {
                    failures.Add($"Vault:Tenants:{slug}:EnvironmentVariables:{i} names a variable of the platform's own configuration; it can never be granted.");
                }
            }
            for (var i = 0; i < grant.KeyVaults.Count; i++)
            {
                if (!HostName().IsMatch(grant.KeyVaults[i].Host.Trim().ToLowerInvariant()))
                {
                    failures.Add($"Vault:Tenants:{slug}:KeyVaults:{i}:Host must be a DNS name such as acme.vault.azure.net.");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex HostName();
}
