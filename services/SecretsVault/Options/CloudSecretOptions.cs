namespace Platform.SecretsVault.Options;

/// <summary>
/// Section <c>Vault:Cloud</c>: how to reach Azure Key Vault. Which vaults a tenant may name is per tenant
/// (<see cref="TenantSecretOptions"/>); there is no list shared by all tenants.
/// </summary>
public sealed class CloudSecretOptions
{
    public const string SectionName = "Vault:Cloud";

    /// <summary>How long a fetched secret is kept in memory before Key Vault is asked again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Host → the HTTPS endpoint to send that vault's requests to instead (a private endpoint, or a test's
    /// stand-in). Identifiers keep naming the real host. Empty by default.
    /// </summary>
    public Dictionary<string, Uri> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Skips the Key Vault SDK's check that the challenge's resource matches the vault's host; needed only when
    /// <see cref="Endpoints"/> sends a host's requests elsewhere. Off by default.
    /// </summary>
    public bool DisableChallengeResourceVerification { get; set; }
}
