using Platform.WebhookIngress.Receiving;

namespace Platform.WebhookIngress.Tests.Support;

/// <summary>Signing secrets by handle, in memory; an unknown handle is "unavailable", as a revoked one is in the vault.</summary>
public sealed class FakeSecretSource(IReadOnlyDictionary<Guid, string> secrets) : ISigningSecretSource
{
    public Task<string?> GetAsync(Guid tenantId, Guid secretId, CancellationToken ct) =>
        Task.FromResult(secrets.TryGetValue(secretId, out var secret) ? secret : null);

    public void Forget(Guid secretId)
    {
    }
}
