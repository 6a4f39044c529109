using Platform.IntegrationRegistry.Client;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// The registry's and the vault's typed clients for the broker's singletons: a fresh client per use from the
/// factory, so handlers (service credential, discovery, resilience) rotate as the factory intends.
/// </summary>
public sealed class PlatformClients(IHttpClientFactory factory)
{
    public RegistryClient Registry => new(factory.CreateClient(nameof(RegistryClient)));

    public VaultClient Vault => new(factory.CreateClient(nameof(VaultClient)));
}
