namespace Platform.SecretsVault.Client;

/// <summary>Why the vault gave no material.</summary>
public enum SecretUnavailableReason
{
    /// <summary>No such secret in this tenant (unknown id, or another tenant's).</summary>
    NotFound,

    /// <summary>The secret was revoked; its key material is destroyed.</summary>
    Revoked,

    /// <summary>The secret's source (environment variable, Azure Key Vault) could not provide it.</summary>
    SourceUnavailable,

    /// <summary>
    /// The vault refused (403): the secret's purpose is not this service's business, or its reference does not
    /// belong to its tenant. Nothing was read from the source.
    /// </summary>
    Refused,
}
