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

    /// <summary>The relay's pace (<see cref="Platform.Messaging.Outbox.OutboxOptions"/>).</summary>
    public const string OutboxSectionName = "WebhookIngress:Outbox";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The accept statement runs once per webhook: prepared once per connection, PostgreSQL parses and plans it once.
        builder.AddMigrations(DatabaseName, configureDataSource: source => source.ConnectionStringBuilder.MaxAutoPrepare = 16);
        builder.AddEventBus(bus =>
        {
            bus.AddConsumer<SpaceDeliveryConsumer>().Endpoint(endpoint => endpoint.Name = SpaceDeliveryConsumer.QueueName);
            // A revoked admin key is refused at once, not when its cached principal expires.
            bus.AddPrincipalRevocationConsumer();
        });

        var services = builder.Services;
        services.AddOptions<WebhookIngressOptions>().BindConfiguration(WebhookIngressOptions.SectionName)
            .Validate(o => o.SecretCacheDuration >= TimeSpan.Zero && o.TenantCacheDuration >= TimeSpan.Zero && o.UnknownTenantCacheDuration >= TimeSpan.Zero
                    && o.EventRetention > TimeSpan.Zero,
                "WebhookIngress cache durations cannot be negative, and the event retention must be positive.")
            .ValidateOnStart();
        builder.AddOutbox<WebhookOutboxStore>(OutboxSectionName);

        services.AddRegistryClient();
        // The edge reads Space events for the agents granted them (InternalSpaceEventsApi).
        builder.AddServiceAuthentication();
        services.AddVaultClient();
        services.AddAuthentication().AddAdminKey();
        services.AddAuthorizationBuilder().AddPolicy(AdminApi.Policy, policy => policy
            .AddAuthenticationSchemes(RegistryAuthenticationDefaults.AdminKeyScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(RegistryClaimTypes.TenantId));
        // Unreadable admin bodies throw in every environment, so the handler below answers them with a named field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableRequestExceptionHandler>();
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddOpenApi();
        services.AddMemoryCache();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(WebhookVerifiers.CreateDefault());
        services.AddSingleton<WebhookIngressMetrics>();
        services.AddSingleton<WebhookRouteStore>();
        services.AddSingleton<IWebhookEventStore, WebhookEventStore>();
        services.AddSingleton<SpaceEventStore>();
        services.AddSingleton<ISigningSecretSource, VaultSigningSecretSource>();
        services.AddSingleton<RouteCache>();
        services.AddHostedService<RouteChangeListener>();
        services.AddTransient<IWebhookRouteDirectory, WebhookRouteDirectory>();
        services.AddTransient<WebhookReceiver>();
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
        app.MapInternalSpaceEventsApi();
        return app;
    }
}
