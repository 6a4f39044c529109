using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Platform.Gateway.Health;
using Platform.Gateway.RateLimiting;
using Platform.Gateway.Routing;

namespace Platform.Gateway;

/// <summary>The gateway's wiring: YARP routes, clusters resolved by service discovery, body limit, forwarded headers.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        // Routes and destinations are fixed for the process's life, so they are read once, here.
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.BuildRoutes(), GatewayClusters.Build(options))
            .AddServiceDiscoveryDestinationResolver();

        // Only to tell agents apart for the rate limit: the gateway authorizes nothing, the services behind it do.
        builder.Services.AddAuthentication(Platform.IntegrationRegistry.Client.Authentication.RegistryAuthenticationDefaults.AgentTokenScheme).AddAgentToken();
        builder.Services.AddMcpRateLimiting();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodySize);
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<GatewayOptions>>((forwarded, gateway) => TrustOnly(forwarded, gateway.Value.TrustedProxies));

        builder.Services.AddHealthChecks()
            .AddCheck<DestinationsHealthCheck>("destinations", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>The gateway is the edge: a client's own X-Forwarded-* headers count only from configured proxies.</summary>
    private static void TrustOnly(ForwardedHeadersOptions forwarded, IEnumerable<string> trustedProxies)
    {
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in trustedProxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
        if (forwarded.KnownProxies.Count == 0)
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.None;
        }
    }
}
