using MassTransit;
using Platform.Contracts;
using Platform.WebhookIngress.Spaces;

namespace Platform.WebhookIngress.IntegrationEvents.EventHandling;

/// <summary>
/// Delivers <see cref="WebhookReceived"/> to its Space: the Space's event log (<c>webhooks.space_events</c>) that the
/// admin API reads back. Deduplicated on the event id, so a redelivery never makes a second entry.
/// </summary>
public sealed partial class SpaceDeliveryConsumer(SpaceEventStore store, ILogger<SpaceDeliveryConsumer> logger) : IConsumer<WebhookReceived>
{
    /// <summary>The queue's name; distinct from any other service's consumer of the same event.</summary>
    public const string QueueName = "webhook-space-delivery";

    public async Task Consume(ConsumeContext<WebhookReceived> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (message.Id == Guid.Empty || !Guid.TryParse(message.TenantId, out _) || !Guid.TryParse(message.SpaceId, out _) || !Guid.TryParse(message.RouteId, out _))
        {
            // Retrying cannot repair a malformed event; MassTransit moves it to the error queue.
            throw new InvalidOperationException("WebhookReceived needs an event id and tenant, space and route ids.");
        }
        var first = await store.RecordAsync(message, context.CancellationToken);
        if (!first)
        {
            LogRedelivery(logger, message.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} was delivered again; the Space keeps its first delivery")]
    private static partial void LogRedelivery(ILogger logger, Guid eventId);
}
