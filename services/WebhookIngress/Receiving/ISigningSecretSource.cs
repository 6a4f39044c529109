namespace Platform.WebhookIngress.Receiving;

/// <summary>The material of a route's signing secret.</summary>
public interface ISigningSecretSource
{
    /// <summary>The secret, or null when the vault says it is gone (revoked, unknown); throws <see cref="HttpRequestException"/> when the vault cannot be asked.</summary>
    Task<string?> GetAsync(Guid tenantId, Guid secretId, CancellationToken ct);

    /// <summary>Forgets a cached secret at once (after a rotation or deletion on this replica).</summary>
    void Forget(Guid secretId);
}
