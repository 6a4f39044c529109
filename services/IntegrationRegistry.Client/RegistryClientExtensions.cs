using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the registry's typed client and of its two bearer authentication schemes.</summary>
public static class RegistryClientExtensions
{
    /// <summary>The typed <see cref="RegistryClient"/> at <c>https+http://integration-registry</c> (service credential added by ServiceDefaults).</summary>
    public static IHttpClientBuilder AddRegistryClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHttpClient<RegistryClient>(client => client.BaseAddress = RegistryClient.BaseAddress);
    }

    /// <summary>Scheme <c>AdminKey</c> (<c>Bearer adm_...</c>), answered by the registry and cached briefly.</summary>
    public static AuthenticationBuilder AddAdminKey(this AuthenticationBuilder builder, Action<RegistryBearerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddAuthenticationServices(builder.Services);
        return builder.AddScheme<RegistryBearerOptions, AdminKeyAuthenticationHandler>(RegistryAuthenticationDefaults.AdminKeyScheme, configure);
    }

    /// <summary>Scheme <c>AgentToken</c> (<c>Bearer agt_...</c>), answered by the registry and cached briefly.</summary>
    public static AuthenticationBuilder AddAgentToken(this AuthenticationBuilder builder, Action<RegistryBearerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddAuthenticationServices(builder.Services);
        return builder.AddScheme<RegistryBearerOptions, AgentTokenAuthenticationHandler>(RegistryAuthenticationDefaults.AgentTokenScheme, configure);
    }

    private static void AddAuthenticationServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPrincipalCache>(sp => new PrincipalCache(sp.GetRequiredService<TimeProvider>()));
        // The registry registers its own (database) authenticator before this; everyone else asks it over HTTP.
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IRegistryAuthenticator)))
        {
            services.AddRegistryClient();
            services.AddTransient<IRegistryAuthenticator>(sp => sp.GetRequiredService<RegistryClient>());
        }
    }
}
