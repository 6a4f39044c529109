namespace Platform.SecretsVault.Storage;

/// <summary>A secret and its current version; <see cref="Reference"/> is null once the key material is destroyed.</summary>
public sealed record StoredSecret(
    Guid Id,
    Guid TenantId,
    string Kind,
    string Purpose,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt,
    SecretReference? Reference)
{
    public bool IsRevoked => RevokedAt is not null;
}
