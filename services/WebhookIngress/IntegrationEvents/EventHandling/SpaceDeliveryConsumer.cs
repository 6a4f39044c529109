using MassTransit;
using Platform.Contracts;
using Platform.WebhookIngress.Spaces;

namespace Platform.WebhookIngress.IntegrationEvents.EventHandling;

/// <summary>
/// Delivers webhook events to their Spaces: the Space's event log (<c>webhooks.space_events</c>) that the admin API reads
/// back. The relay publishes <see cref="WebhookReceivedBatch"/>, recorded in one statement; a single
/// <see cref="WebhookReceived"/> (published before batching) is recorded the same way. Deduplicated on the event id,
/// so a redelivery never makes a second entry.
/// </summary>
public sealed partial class SpaceDeliveryConsumer(SpaceEventStore store, ILogger<SpaceDeliveryConsumer> logger)
    : IConsumer<WebhookReceivedBatch>, IConsumer<WebhookReceived>
{
    /// <summary>The queue's name; distinct from any other service's consumer of the same event.</summary>
    public const string QueueName = "webhook-space-delivery";

    public Task Consume(ConsumeContext<WebhookReceivedBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync(context.Message.Events ?? [], context.CancellationToken);
    }

    public Task Consume(ConsumeContext<WebhookReceived> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync([context.Message], context.CancellationToken);
    }

    private async Task RecordAsync(IReadOnlyList<WebhookReceived> events, CancellationToken ct)
    {
        if (events.Count == 0 || events.Any(message => message is null || message.Id == Guid.Empty || !Guid.TryParse(message.TenantId, out _)
                || !Guid.TryParse(message.SpaceId, out _) || !Guid.TryParse(message.RouteId, out _)))
        {
            // Retrying cannot repair a malformed message; MassTransit moves it to the error queue.
            throw new InvalidOperationException("Every WebhookReceived needs an event id and tenant, space and route ids.");
        }
        foreach (var redelivered in await store.RecordAsync(events, ct))
        {
            LogRedelivery(logger, redelivered);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} was delivered again; the Space keeps its first delivery")]
    private static partial void LogRedelivery(ILogger logger, Guid eventId);
}
