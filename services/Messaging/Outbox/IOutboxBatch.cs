namespace Platform.Messaging.Outbox;

/// <summary>Events taken from an outbox: completing it records which ones the broker confirmed; the rest stay pending.</summary>
public interface IOutboxBatch : IAsyncDisposable
{
    IReadOnlyList<OutboxMessage> Messages { get; }

    /// <summary><paramref name="confirmed"/> has one entry per message, in order: true when the broker confirmed it.</summary>
    Task CompleteAsync(IReadOnlyList<bool> confirmed, CancellationToken cancellationToken);
}
