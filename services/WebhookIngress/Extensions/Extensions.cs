using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.ServiceDefaults;
using Platform.WebhookIngress.Apis;
using Platform.WebhookIngress.Data;
using Platform.WebhookIngress.Diagnostics;
using Platform.WebhookIngress.IntegrationEvents.EventHandling;
using Platform.WebhookIngress.Outbox;
using Platform.WebhookIngress.Receiving;
using Platform.WebhookIngress.Spaces;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress;

/// <summary>The service's wiring: per-tenant webhook routes: verify, dedupe, store and relay events to their spaces.</summary>
public static class Extensions
{
    public const string DatabaseName = "webhookdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus(bus => bus.AddConsumer<SpaceDeliveryConsumer>()
            .Endpoint(endpoint => endpoint.Name = SpaceDeliveryConsumer.QueueName));

        var services = builder.Services;
        services.AddOptions<WebhookIngressOptions>().BindConfiguration(WebhookIngressOptions.SectionName)
            .Validate(o => o.SecretCacheDuration >= TimeSpan.Zero && o.TenantCacheDuration >= TimeSpan.Zero && o.UnknownTenantCacheDuration >= TimeSpan.Zero,
                "WebhookIngress cache durations cannot be negative.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName)
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.PublishTimeout > TimeSpan.Zero && o.MaxBackoff > TimeSpan.Zero,
                "WebhookIngress:Outbox needs a positive batch size, poll interval, publish timeout and backoff.")
            .ValidateOnStart();

        services.AddRegistryClient();
        services.AddVaultClient();
        services.AddAuthentication().AddAdminKey();
        services.AddAuthorizationBuilder().AddPolicy(AdminApi.Policy, policy => policy
            .AddAuthenticationSchemes(RegistryAuthenticationDefaults.AdminKeyScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(RegistryClaimTypes.TenantId));
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddOpenApi();
        services.AddMemoryCache();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(WebhookVerifiers.CreateDefault());
        services.AddSingleton<WebhookIngressMetrics>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<WebhookRouteStore>();
        services.AddSingleton<IWebhookEventStore, WebhookEventStore>();
        services.AddSingleton<SpaceEventStore>();
        services.AddSingleton<ISigningSecretSource, VaultSigningSecretSource>();
        services.AddTransient<IWebhookRouteDirectory, WebhookRouteDirectory>();
        services.AddTransient<WebhookReceiver>();
        services.AddHostedService<OutboxRelay>();
        return builder;
    }

    /// <summary>The service's endpoints: the receiver, the admin API and its OpenAPI document (reachable through the gateway).</summary>
    public static WebApplication MapWebhookIngressEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.MapOpenApi("/api/webhooks/openapi/{documentName}.json");
        app.MapWebhookReceiveApi();
        app.MapWebhookRoutesApi();
        app.MapSpaceEventsApi();
        return app;
    }
}
