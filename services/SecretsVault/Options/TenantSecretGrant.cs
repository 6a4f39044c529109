namespace Platform.SecretsVault.Options;

/// <summary>What the operator lets one tenant's references name.</summary>
public sealed class TenantSecretGrant
{
    /// <summary>Exact variable names of the vault process this tenant may reference besides its prefixed ones.</summary>
    public List<string> EnvironmentVariables { get; set; } = [];

    /// <summary>The Azure Key Vaults (and, optionally, the secret names within them) this tenant may reference.</summary>
    public List<KeyVaultGrant> KeyVaults { get; set; } = [];
}
