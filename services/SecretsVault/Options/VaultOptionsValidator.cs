using Microsoft.Extensions.Options;
using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Options;

/// <summary>Fails start-up on unusable keys; messages name versions, never key values.</summary>
public sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MasterKeys.Count == 0)
        {
            failures.Add("No master key is configured: set Vault__MasterKeys__1.");
        }
        foreach (var (version, key) in options.MasterKeys)
        {
            if (version < 1 || string.IsNullOrEmpty(key) || key.Length < MasterKeyRing.MinimumKeyLength)
            {
                failures.Add($"Master key version {version} is invalid: versions start at 1 and keys have at least {MasterKeyRing.MinimumKeyLength} characters.");
            }
        }
        if (options.OperatorKey is { Length: > 0 and < 32 })
        {
            failures.Add("Vault:OperatorKey must have at least 32 characters.");
        }
        if (options.MaxSecretBytes is < 1 or > 512 * 1024)
        {
            failures.Add("Vault:MaxSecretBytes must be between 1 and 524288 (the request body limit is 1 MiB).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
