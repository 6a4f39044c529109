using Platform.SecretsVault.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the vault's typed client.</summary>
public static class VaultClientExtensions
{
    /// <summary>A typed <see cref="VaultClient"/> with base address <c>https+http://secrets-vault</c>.</summary>
    public static IHttpClientBuilder AddVaultClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHttpClient<VaultClient>(client => client.BaseAddress = VaultClient.BaseAddress);
    }
}
