namespace Platform.IntegrationRegistry.Client;

/// <summary>The broker is done with these revoked OAuth tokens (revoked upstream, or nothing to revoke): the vault may destroy them.</summary>
public sealed record SecretHoldRelease(IReadOnlyList<Guid>? SecretIds)
{
    public const int MaxSecrets = 10;
}
