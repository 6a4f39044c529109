using Platform.Contracts;

namespace Platform.WebhookIngress.Outbox;

/// <summary>One locked outbox row and the event it announces.</summary>
public sealed record PendingEvent(long OutboxId, WebhookReceived Message);
