namespace Platform.Contracts;

/// <summary>
/// Webhook events published together as one bus message by webhook-ingress's relay (the events of one relay round,
/// up to about 1 MiB of payload per message), so the broker's and the consumer's per-message cost and the Space's
/// commit are shared by many events. Each event keeps its own id: a batch delivered twice, or an event that appears
/// again in another batch after a relay crash, reaches its Space once.
/// </summary>
/// <param name="Events">The events, oldest first; at least one.</param>
public sealed record WebhookReceivedBatch(IReadOnlyList<WebhookReceived> Events);
