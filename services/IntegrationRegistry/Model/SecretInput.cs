namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Exactly one of: <c>value</c> (material, encrypted by the vault), <c>environmentVariable</c> (a
/// <c>PLATFORM_SECRET_*</c> variable of the vault) or <c>keyVaultSecretId</c> (an Azure Key Vault secret URL).
/// </summary>
public sealed record SecretInput(string? Value, string? EnvironmentVariable, string? KeyVaultSecretId)
{
    public override string ToString() => "SecretInput { *** }";
}
