namespace Platform.SecretsVault.Client;

/// <summary>What the vault tells about a secret without its material.</summary>
/// <param name="Status"><c>active</c> or <c>revoked</c>.</param>
public sealed record SecretMetadata(
    Guid SecretId,
    Guid TenantId,
    string Kind,
    string Purpose,
    int Version,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt);
