using Platform.ServiceDefaults;

namespace Platform.OAuthBroker;

/// <summary>The service's wiring: the OAuth client for upstreams: connect flows, client registrations and token metadata.</summary>
public static class Extensions
{
    public const string DatabaseName = "brokerdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus();
        builder.Services.AddOptions<OAuthBrokerOptions>().BindConfiguration(OAuthBrokerOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps || o.PublicBaseUrl.IsLoopback,
                "OAuthBroker:PublicBaseUrl must be an https URL (http only on loopback).")
            .ValidateOnStart();
        builder.Services.AddServiceHttpClient(ServiceNames.IntegrationRegistry);
        builder.Services.AddServiceHttpClient(ServiceNames.SecretsVault);
        return builder;
    }
}
