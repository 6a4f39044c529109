namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Exactly one of: <c>value</c> (material, encrypted by the vault), <c>environmentVariable</c> (a variable of the
/// vault with the tenant's own <c>PLATFORM_SECRET_{SLUG}__</c> prefix, or one the operator grants the tenant) or
/// <c>keyVaultSecretId</c> (an Azure Key Vault secret URL on a vault the operator grants the tenant).
/// </summary>
public sealed record SecretInput(string? Value, string? EnvironmentVariable, string? KeyVaultSecretId)
{
    public override string ToString() => "SecretInput { *** }";
}
