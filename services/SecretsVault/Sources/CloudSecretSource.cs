using Azure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Sources;

/// <summary>
/// The cloud form: an Azure Key Vault secret on an allowed host, fetched with the Azure SDK and kept in memory
/// for <see cref="CloudSecretOptions.CacheDuration"/>. Failures are logged by status only, never with bodies.
/// </summary>
public sealed partial class CloudSecretSource(
    IOptions<CloudSecretOptions> options,
    KeyVaultClients clients,
    IMemoryCache cache,
    ILogger<CloudSecretSource> logger)
{
    /// <summary>Why this identifier may not be referenced, or null if it may. Never repeats the identifier.</summary>
    public string? Refuse(CloudSecretIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return IsAllowed(identifier.Host) ? null : "The secret identifier's Key Vault host is not in the vault's allow list (Vault:Cloud:AllowedHosts).";
    }

    /// <summary>The secret's value, or null if the host is no longer allowed or Key Vault cannot provide it.</summary>
    public async Task<string?> ReadAsync(CloudSecretIdentifier identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (!IsAllowed(identifier.Host))
        {
            LogHostNotAllowed(logger, identifier.Host);
            return null;
        }
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

    private bool IsAllowed(string host) =>
        options.Value.AllowedHosts.Any(allowed => string.Equals(allowed.Trim(), host, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault host {Host} is no longer allowed; the reference cannot be resolved")]
    private static partial void LogHostNotAllowed(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Host} refused secret {Name}: status {Status}, error {ErrorCode}")]
    private static partial void LogKeyVaultRefused(ILogger logger, string host, string name, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Host} could not be asked for secret {Name}: {ErrorType}")]
    private static partial void LogKeyVaultUnreachable(ILogger logger, string host, string name, string errorType);
}
