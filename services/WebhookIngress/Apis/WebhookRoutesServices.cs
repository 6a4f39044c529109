using Platform.IntegrationRegistry.Client;
using Platform.SecretsVault.Client;
using Platform.WebhookIngress.Data;
using Platform.WebhookIngress.Receiving;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Apis;

/// <summary>What the admin API's handlers need, bundled for <c>[AsParameters]</c>.</summary>
public sealed class WebhookRoutesServices(
    WebhookRouteStore routes,
    RegistryClient registry,
    VaultClient vault,
    ISigningSecretSource secrets,
    WebhookVerifiers verifiers,
    TimeProvider timeProvider,
    ILogger<WebhookRoutesServices> logger)
{
    public WebhookRouteStore Routes { get; } = routes;
    public RegistryClient Registry { get; } = registry;
    public VaultClient Vault { get; } = vault;
    public ISigningSecretSource Secrets { get; } = secrets;
    public WebhookVerifiers Verifiers { get; } = verifiers;
    public TimeProvider TimeProvider { get; } = timeProvider;
    public ILogger<WebhookRoutesServices> Logger { get; } = logger;
}
