using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.ServiceAuthentication;

namespace Microsoft.Extensions.Hosting;

/// <summary>Service-to-service authentication with the credentials the AppHost issues.</summary>
public static class ServiceAuthenticationExtensions
{
    /// <summary>Binds <c>ServiceAuth</c>; the client half (presenting our key) is on by default for every HttpClient.</summary>
    public static IServiceCollection AddServiceCredentials(this IServiceCollection services)
    {
        services.AddOptions<ServiceCredentialOptions>().BindConfiguration(ServiceCredentialOptions.SectionName);
        services.TryAddTransient<ServiceCredentialHandler>();
        return services;
    }

    /// <summary>Accepts calls from the platform services configured as callers (<c>ServiceAuth:Callers:{name}</c>).</summary>
    public static TBuilder AddServiceAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddServiceCredentials();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ServiceCredentialAuthenticationHandler>(ServiceCredentialDefaults.Scheme, null);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>Only the named platform services may call this endpoint (401 without a credential, 403 for others).</summary>
    public static TBuilder RequireServiceCaller<TBuilder>(this TBuilder endpoint, params string[] callers) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ServiceCredentialDefaults.Scheme)
            .RequireClaim(ServiceCredentialDefaults.ServiceClaim, callers));

    public static IHttpClientBuilder AddServiceCredential(this IHttpClientBuilder builder)
    {
        builder.Services.AddServiceCredentials();
        return builder.AddHttpMessageHandler<ServiceCredentialHandler>();
    }
}
