using Platform.ServiceDefaults;

namespace Platform.WebhookIngress;

/// <summary>The service's wiring: per-tenant webhook routes: verify, dedupe, store and relay events to their spaces.</summary>
public static class Extensions
{
    public const string DatabaseName = "webhookdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus();
        builder.Services.AddServiceHttpClient(ServiceNames.IntegrationRegistry);
        builder.Services.AddServiceHttpClient(ServiceNames.SecretsVault);
        return builder;
    }
}
