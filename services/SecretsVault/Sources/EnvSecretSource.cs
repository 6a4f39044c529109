using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Sources;

/// <summary>
/// The env form: a variable of the vault's own process, and only one whose name has the configured prefix. The
/// rule is checked when a reference is created and again at every resolve (the prefix may have been narrowed).
/// </summary>
public sealed partial class EnvSecretSource(IOptions<EnvSecretOptions> options, Func<string, string?>? readVariable = null)
{
    private readonly Func<string, string?> _readVariable = readVariable ?? Environment.GetEnvironmentVariable;

    public string Prefix => options.Value.Prefix;

    /// <summary>Why this name may not be referenced, or null if it may. Never repeats the name.</summary>
    public string? Refuse(string? variableName)
    {
        if (string.IsNullOrEmpty(variableName))
        {
            return "A variable name is required.";
        }
        if (string.IsNullOrEmpty(Prefix) || !variableName.StartsWith(Prefix, StringComparison.Ordinal) || variableName.Length == Prefix.Length)
        {
            return $"Only environment variables whose names start with '{Prefix}' may be referenced.";
        }
        return VariableName().IsMatch(variableName) ? null : "A variable name has letters, digits and underscores only (at most 128).";
    }

    /// <summary>The variable's value, or null if the name is no longer allowed or the variable is unset or empty.</summary>
    public string? Read(string variableName) =>
        Refuse(variableName) is null && _readVariable(variableName) is { Length: > 0 } value ? value : null;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();
}
