using Azure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Sources;

/// <summary>
/// The cloud form: an Azure Key Vault secret, fetched with the Azure SDK and kept in memory for
/// <see cref="CloudSecretOptions.CacheDuration"/>. Whether a tenant may name it is
/// <see cref="Binding.TenantReferencePolicy"/>'s question, asked before every read. Failures are logged by status
/// only, never with bodies.
/// </summary>
public sealed partial class CloudSecretSource(
    IOptions<CloudSecretOptions> options,
    KeyVaultClients clients,
    IMemoryCache cache,
    ILogger<CloudSecretSource> logger)
{
    /// <summary>The secret's value, or null if Key Vault cannot provide it.</summary>
    public async Task<string?> ReadAsync(CloudSecretIdentifier identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var key = "cloud-secret:" + identifier.Canonical;
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return cached;
        }
        try
        {
            var response = await clients.For(identifier.Host).GetSecretAsync(identifier.Name, identifier.Version, cancellationToken);
            var value = response.Value.Value;
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            var duration = options.Value.CacheDuration;
            if (duration > TimeSpan.Zero)
            {
                cache.Set(key, value, duration);
            }
            return value;
        }
        catch (RequestFailedException ex)
        {
            LogKeyVaultRefused(logger, identifier.Host, identifier.Name, ex.Status, ex.ErrorCode);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Credential and transport failures; their messages are not logged (they may quote responses).
            LogKeyVaultUnreachable(logger, identifier.Host, identifier.Name, Describe(ex));
            return null;
        }
    }

    /// <summary>The exception's type and its inner exceptions' types (and an HTTP error kind): enough to diagnose, no messages.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        AggregateException aggregate => $"{nameof(AggregateException)}({string.Join(", ", aggregate.InnerExceptions.Select(Describe).Distinct())})",
        HttpRequestException http => $"{nameof(HttpRequestException)}[{http.HttpRequestError}]" + (http.InnerException is { } inner ? $"({Describe(inner)})" : ""),
        _ => exception.GetType().Name + (exception.InnerException is { } inner ? $"({Describe(inner)})" : ""),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Host} refused secret {Name}: status {Status}, error {ErrorCode}")]
    private static partial void LogKeyVaultRefused(ILogger logger, string host, string name, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Host} could not be asked for secret {Name}: {ErrorType}")]
    private static partial void LogKeyVaultUnreachable(ILogger logger, string host, string name, string errorType);
}
