using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Platform.SecretsVault.Options;

namespace Platform.SecretsVault.Sources;

/// <summary>
/// One <see cref="SecretClient"/> per Key Vault host, authenticated by the configured <see cref="TokenCredential"/>
/// (<c>DefaultAzureCredential</c> unless the host registers another), sending through <paramref name="transport"/>:
/// in the service, an <see cref="HttpClient"/> on the platform's outbound policy, so a Key Vault host (or an
/// endpoint mapped to it) on a loopback, link-local or private address is refused like any tenant-supplied URL.
/// (The managed identity endpoint is the operator's, reached by the credential's own pipeline.)
/// </summary>
public sealed class KeyVaultClients(IOptions<CloudSecretOptions> options, TokenCredential credential, HttpPipelineTransport transport)
{
    private readonly ConcurrentDictionary<string, SecretClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    public SecretClient For(string host) => _clients.GetOrAdd(host, Create);

    private SecretClient Create(string host)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoints.TryGetValue(host, out var mapped) ? mapped : new Uri($"https://{host}/");
        var clientOptions = new SecretClientOptions
        {
            DisableChallengeResourceVerification = settings.DisableChallengeResourceVerification,
        };
        // Request and response bodies (which carry secret values) must never reach the SDK's diagnostics.
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        clientOptions.Transport = transport;
        return new SecretClient(endpoint, credential, clientOptions);
    }
}
