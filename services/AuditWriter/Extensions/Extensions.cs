using MassTransit;
using Platform.AuditWriter.IntegrationEvents.EventHandling;
using Platform.Redaction;

namespace Platform.AuditWriter;

/// <summary>
/// The service's wiring: auditdb, the two consumers that never mix (tool-call audit, model-usage ledger), the
/// service-lifecycle record, and the tenant-confined query API.
/// </summary>
public static class Extensions
{
    public const string DatabaseName = "auditdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMigrations(DatabaseName);
        builder.Services.AddSecretRedaction();
        builder.AddIngest();
        var toolCalls = builder.Configuration.ReadIngestOptions(IngestExtensions.ToolCallsStream);
        var modelCalls = builder.Configuration.ReadIngestOptions(IngestExtensions.ModelCallsStream);
        builder.AddEventBus(bus =>
        {
            bus.AddConsumer<ServiceStartedConsumer>()
                .Endpoint(endpoint => endpoint.Name = EventBusExtensions.ServiceLifecycleQueue);
            // Each queue is bound to its own consumer's one message type, and to nothing else.
            bus.AddConsumer<ToolCallCompletedBatchConsumer>()
                .Endpoint(endpoint => Configure(endpoint, ToolCallCompletedBatchConsumer.QueueName, toolCalls));
            bus.AddConsumer<ModelUsageRecordedConsumer>()
                .Endpoint(endpoint => Configure(endpoint, ModelUsageRecordedConsumer.QueueName, modelCalls));
            // Revoked admin keys and agent tokens are refused at once, not when their cached principals expire.
            bus.AddPrincipalRevocationConsumer();
        });
        builder.AddQueryApi();
        return builder;
    }

    /// <summary>
    /// Every prefetched message may wait in a batch at once, so concurrency matches prefetch. Prefetch counts
    /// messages: a tool-call message carries up to 100 calls (the edge's default), a ledger message one record.
    /// </summary>
    private static void Configure(IEndpointRegistrationConfigurator endpoint, string queue, Ingest.IngestOptions options)
    {
        endpoint.Name = queue;
        endpoint.PrefetchCount = options.PrefetchCount;
        endpoint.ConcurrentMessageLimit = options.PrefetchCount;
    }
}
