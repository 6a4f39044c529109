namespace Platform.SecretsVault.Sources;

/// <summary>
/// The env form: a variable of the vault's own process. Whether a tenant may name it is
/// <see cref="Binding.TenantReferencePolicy"/>'s question, asked before every read.
/// </summary>
public sealed class EnvSecretSource(Func<string, string?>? readVariable = null)
{
    private readonly Func<string, string?> _readVariable = readVariable ?? Environment.GetEnvironmentVariable;

    /// <summary>The variable's value, or null if it is unset or empty.</summary>
    public string? Read(string variableName) => _readVariable(variableName) is { Length: > 0 } value ? value : null;
}
