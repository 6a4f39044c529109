using Microsoft.Extensions.Options;

namespace Platform.SecretsVault.Options;

/// <summary>Refuses endpoint overrides that are not HTTPS, and a cache that would keep secrets for long.</summary>
public sealed class CloudSecretOptionsValidator : IValidateOptions<CloudSecretOptions>
{
    public static readonly TimeSpan MaxCacheDuration = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, CloudSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CacheDuration < TimeSpan.Zero || options.CacheDuration > MaxCacheDuration)
        {
            failures.Add($"Vault:Cloud:CacheDuration must be between 0 and {MaxCacheDuration}.");
        }
        foreach (var (host, endpoint) in options.Endpoints)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"Vault:Cloud:Endpoints:{host} must be an absolute https URI.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
