using Platform.IntegrationRegistry.Client;
using Platform.SecretsVault.Client;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Typed clients of the registry and the vault for long-lived services: a fresh client per use from the factory,
/// so handlers (and their service credential, discovery and resilience) rotate as the factory intends.
/// </summary>
public sealed class PlatformClients(IHttpClientFactory factory)
{
    public RegistryClient Registry => new(factory.CreateClient(nameof(RegistryClient)));

    public VaultClient Vault => new(factory.CreateClient(nameof(VaultClient)));
}
