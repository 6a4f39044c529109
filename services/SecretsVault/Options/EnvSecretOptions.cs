namespace Platform.SecretsVault.Options;

/// <summary>Section <c>Vault:Env</c>: which of the vault process's environment variables may hold tenant secrets.</summary>
public sealed class EnvSecretOptions
{
    public const string SectionName = "Vault:Env";

    public const string DefaultPrefix = "PLATFORM_SECRET_";

    /// <summary>
    /// Only variables whose name starts with this may be referenced, so no tenant can point a reference at the
    /// platform's own connection strings or keys.
    /// </summary>
    public string Prefix { get; set; } = DefaultPrefix;
}
