namespace Platform.SecretsVault.Options;

/// <summary>One Azure Key Vault a tenant may reference; with a prefix, only the secrets whose names start with it.</summary>
public sealed class KeyVaultGrant
{
    /// <summary>The vault's host, e.g. <c>acme.vault.azure.net</c>.</summary>
    public string Host { get; set; } = "";

    /// <summary>When set, only secret names starting with it (Key Vault names ignore case, so this does too).</summary>
    public string? SecretNamePrefix { get; set; }
}
