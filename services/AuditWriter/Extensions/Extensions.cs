using Platform.AuditWriter.IntegrationEvents.EventHandling;

namespace Platform.AuditWriter;

/// <summary>The service's wiring: the audit and usage store, fed from the bus; for now it records service starts.</summary>
public static class Extensions
{
    public const string DatabaseName = "auditdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.AddEventBus(bus => bus.AddConsumer<ServiceStartedConsumer>()
            .Endpoint(endpoint => endpoint.Name = EventBusExtensions.ServiceLifecycleQueue));
        return builder;
    }
}
