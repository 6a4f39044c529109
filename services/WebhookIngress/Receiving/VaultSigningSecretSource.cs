using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Client;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// Signing secrets resolved from the vault and kept in memory for <see cref="WebhookIngressOptions.SecretCacheDuration"/>:
/// verification needs the secret on every request, and the vault logs every resolve.
/// </summary>
public sealed partial class VaultSigningSecretSource(
    VaultClient vault,
    IMemoryCache cache,
    IOptions<WebhookIngressOptions> options,
    ILogger<VaultSigningSecretSource> logger) : ISigningSecretSource
{
    public async Task<string?> GetAsync(Guid tenantId, Guid secretId, CancellationToken ct)
    {
        var key = CacheKey(secretId);
        if (cache.TryGetValue(key, out string? secret))
        {
            return secret;
        }
        try
        {
            secret = await vault.ResolveAsync(tenantId, secretId, ct);
        }
        catch (SecretUnavailableException exception)
        {
            LogUnavailable(logger, secretId, exception.Reason);
            return null;
        }
        cache.Set(key, secret, options.Value.SecretCacheDuration);
        return secret;
    }

    public void Forget(Guid secretId) => cache.Remove(CacheKey(secretId));

    private static (Type, Guid) CacheKey(Guid secretId) => (typeof(VaultSigningSecretSource), secretId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The signing secret {SecretId} of a webhook route is unavailable ({Reason}); its requests are refused")]
    private static partial void LogUnavailable(ILogger logger, Guid secretId, SecretUnavailableReason reason);
}
