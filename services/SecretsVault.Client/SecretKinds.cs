namespace Platform.SecretsVault.Client;

/// <summary>The three forms a secret can take in the vault.</summary>
public static class SecretKinds
{
    /// <summary>Material encrypted by the vault (AES-256-GCM envelope).</summary>
    public const string Encrypted = "encrypted";

    /// <summary>The name of an environment variable of the vault process, with the allowed prefix.</summary>
    public const string Env = "env";

    /// <summary>An Azure Key Vault secret identifier on an allowed vault host.</summary>
    public const string Cloud = "cloud";
}
