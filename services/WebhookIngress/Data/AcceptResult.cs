namespace Platform.WebhookIngress.Data;

/// <summary>The event id the sender is told, and whether it was accepted before (a repeat of the sender's id on that route).</summary>
public readonly record struct AcceptResult(Guid EventId, bool Duplicate);
