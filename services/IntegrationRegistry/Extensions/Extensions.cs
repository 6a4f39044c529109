using Platform.ServiceDefaults;

namespace Platform.IntegrationRegistry;

/// <summary>The service's wiring: tenants, identities, agents, definitions, auth methods, installs, credentials and spaces.</summary>
public static class Extensions
{
    public const string DatabaseName = "registrydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus();
        builder.Services.AddServiceHttpClient(ServiceNames.SecretsVault);
        return builder;
    }
}
