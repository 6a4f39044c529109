namespace Platform.Messaging.Outbox;

/// <summary>One event waiting in a service's outbox; <paramref name="Id"/> becomes the bus message id, so consumers dedupe repeats.</summary>
public sealed record OutboxMessage(Guid Id, object Message);
