namespace Platform.WebhookIngress.Data;

/// <summary>Durable acceptance of verified webhooks.</summary>
public interface IWebhookEventStore
{
    /// <summary>
    /// Commits the event and its outbox row in one transaction, or, when the sender's id was already accepted on
    /// the route, returns that event's id without writing anything.
    /// </summary>
    Task<AcceptResult> AcceptAsync(IncomingWebhook webhook, CancellationToken ct);
}
