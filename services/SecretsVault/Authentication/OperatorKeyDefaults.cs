namespace Platform.SecretsVault.Authentication;

public static class OperatorKeyDefaults
{
    /// <summary>The scheme that authenticates the platform operator (<c>Authorization: Bearer &lt;Vault:OperatorKey&gt;</c>).</summary>
    public const string Scheme = "VaultOperator";

    /// <summary>The policy the key-management endpoints require.</summary>
    public const string Policy = "vault-operator";

    public const string OperatorClaim = "platform:operator";
}
