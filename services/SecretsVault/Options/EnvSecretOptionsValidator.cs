using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Binding;

namespace Platform.SecretsVault.Options;

/// <summary>A prefix that cannot be, or reach into, a platform setting: upper-case, ending in '_', without <c>__</c>.</summary>
public sealed partial class EnvSecretOptionsValidator : IValidateOptions<EnvSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, EnvSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Prefix is { } prefix && PrefixShape().IsMatch(prefix) && !PlatformVariables.IsPlatformOwned(prefix)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Vault:Env:Prefix must be 4 to 64 characters of A-Z, 0-9 and '_', end with '_', contain no '__', and not be a runtime prefix (DOTNET_, ASPNETCORE_, OTEL_, ...).");
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{2,62}_$")]
    private static partial Regex PrefixShape();
}
