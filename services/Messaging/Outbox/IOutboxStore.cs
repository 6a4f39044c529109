namespace Platform.Messaging.Outbox;

/// <summary>Where a service keeps events until the broker has confirmed them: a table in its database, or files.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// True when an event that no queue would take must come back and stay pending (published as mandatory), as
    /// for events someone must receive; false for notices that may find no listener (cache invalidations).
    /// </summary>
    bool RequiresReceiver { get; }

    /// <summary>
    /// Takes up to <paramref name="max"/> pending events, oldest first, and holds them (a row lock, an open
    /// file) until the batch is completed or disposed, so two relays never publish the same event at once.
    /// </summary>
    Task<IOutboxBatch> TakeAsync(int max, CancellationToken cancellationToken);

    /// <summary>Forgets what was published long enough ago (and whatever else the store keeps only for a while).</summary>
    Task DeleteExpiredAsync(CancellationToken cancellationToken);
}
