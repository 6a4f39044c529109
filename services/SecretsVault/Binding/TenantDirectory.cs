using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Client;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Binding;

/// <summary>
/// Tenant slugs, asked of the registry (<c>GET /internal/tenants/{id}</c>, which only the vault may call) and kept
/// for <see cref="TenantSecretOptions.TenantCacheDuration"/>, so a renamed tenant is bound to its new slug soon after.
/// </summary>
public sealed partial class TenantDirectory(
    RegistryClient registry,
    IMemoryCache cache,
    IOptionsMonitor<TenantSecretOptions> options,
    ILogger<TenantDirectory> logger)
{
    public async Task<TenantLookup> FindAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var key = (typeof(TenantDirectory), tenantId);
        if (cache.TryGetValue(key, out TenantLookup? cached) && cached is not null)
        {
            return cached;
        }
        TenantInfo? tenant;
        try
        {
            tenant = await registry.GetTenantAsync(tenantId, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            LogRegistryUnavailable(logger, tenantId, exception.StatusCode is { } status ? (int)status : 0);
            return TenantLookup.Unreachable;
        }
        if (tenant is null)
        {
            // Not kept: a tenant created a moment later must not be "unknown" for the cache's lifetime.
            return TenantLookup.Unknown;
        }
        var lookup = new TenantLookup(tenant.Slug, false);
        cache.Set(key, lookup, options.CurrentValue.TenantCacheDuration);
        return lookup;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry did not tell tenant {TenantId}'s slug (HTTP {Status}; 0 = unreachable); its env and cloud references are not resolved meanwhile")]
    private static partial void LogRegistryUnavailable(ILogger logger, Guid tenantId, int status);
}
