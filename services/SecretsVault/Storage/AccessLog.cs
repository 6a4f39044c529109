using System.Threading.Channels;

namespace Platform.SecretsVault.Storage;

/// <summary>
/// The vault's access log (<c>vault.access_log</c>), written by group commit: concurrent callers queue their records
/// and a writer commits whatever is queued as one batch (one transaction, one WAL flush), then completes every
/// caller of that batch. A caller's task completes only once its record is committed, so an operation answers only
/// after its record is durable; if the batch fails, every caller in it gets <see cref="AccessLogUnavailableException"/>
/// and must refuse. There is no delay to fill a batch: a batch is what queued while the writers were busy, so a lone
/// caller waits for exactly one commit. A few writers commit side by side, so one slow commit (or a writer the
/// scheduler is late to wake) does not hold up every caller. Stopping takes no new records and commits every
/// queued one first.
/// </summary>
public sealed partial class AccessLog(IAccessLogStore store, ILogger<AccessLog> logger, int writers) : IHostedService
{
    /// <summary>Most records in one batch (one statement's arrays); more wait for the next batch.</summary>
    public const int MaxBatchSize = 512;

    /// <summary>Batches in flight at once (each on its own pooled connection).</summary>
    public const int DefaultWriters = 4;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private Task _writing = Task.CompletedTask;

    public AccessLog(IAccessLogStore store, ILogger<AccessLog> logger)
        : this(store, logger, DefaultWriters)
    {
    }

    /// <summary>
    /// Completes once the record is committed. Cancelling stops the wait only: a queued record is committed anyway.
    /// </summary>
    /// <exception cref="AccessLogUnavailableException">The record was not committed (or the log has stopped).</exception>
    public Task RecordAsync(AccessRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new AccessLogUnavailableException("The access log has stopped taking records."));
        }
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteQueuedAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>Takes no new records and returns once every queued one is committed (or failed).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _writing.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            // Not cancelled on stop: a batch that started is finished, so nothing queued is dropped.
            await store.WriteAsync(batch.ConvertAll(pending => pending.Record), CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogBatchFailed(logger, batch.Count, exception.GetType().Name);
            var failure = new AccessLogUnavailableException("The access record could not be written.", exception);
            batch.ForEach(pending => pending.Committed.TrySetException(failure));
            return;
        }
        batch.ForEach(pending => pending.Committed.TrySetResult());
    }

    private sealed record Pending(AccessRecord Record, TaskCompletionSource Committed);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} access records could not be written ({Error}); every operation in it is refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);
}
