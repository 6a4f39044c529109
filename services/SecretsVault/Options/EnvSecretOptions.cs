namespace Platform.SecretsVault.Options;

/// <summary>Section <c>Vault:Env</c>: how the vault process's environment variables that hold tenant secrets are named.</summary>
public sealed class EnvSecretOptions
{
    public const string SectionName = "Vault:Env";

    public const string DefaultPrefix = "PLATFORM_SECRET_";

    /// <summary>
    /// The start of every tenant's own prefix: a tenant may reference <c>{Prefix}{SLUG}__{NAME}</c> (see
    /// <see cref="Binding.TenantEnvPrefix"/>), so no tenant can point a reference at another tenant's variables or
    /// at the platform's own connection strings or keys.
    /// </summary>
    public string Prefix { get; set; } = DefaultPrefix;
}
