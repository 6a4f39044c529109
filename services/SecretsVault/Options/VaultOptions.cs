namespace Platform.SecretsVault.Options;

/// <summary>Section <c>Vault</c>: master key versions and the operator's key.</summary>
public sealed class VaultOptions
{
    public const string SectionName = "Vault";

    /// <summary>
    /// Master key version → key (<c>Vault__MasterKeys__1</c>, ...). The highest version wraps new data keys; remove
    /// a version only once <c>GET /internal/keys</c> shows no data key still wrapped by it.
    /// </summary>
    public Dictionary<int, string> MasterKeys { get; set; } = [];

    /// <summary>Authorizes the operator endpoints (<c>/internal/keys</c>) as <c>Authorization: Bearer &lt;key&gt;</c>; unset disables them.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>Largest encrypted secret accepted, in UTF-8 bytes.</summary>
    public int MaxSecretBytes { get; set; } = 16 * 1024;
}
