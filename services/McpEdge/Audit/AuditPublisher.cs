using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Moves tool-call records from the in-memory queue to the bus, off the data path. A record the broker does not
/// confirm goes to the journal; while the journal holds anything, new records join it (so nothing overtakes it
/// and memory stays bounded) and the journal is replayed, oldest first, whenever the bus is healthy again.
/// </summary>
public sealed partial class AuditPublisher(
    ToolCallAuditQueue queue,
    AuditJournal journal,
    ToolCallEvents events,
    IBus bus,
    IBusControl busControl,
    IOptions<AuditOptions> options,
    AuditMetrics metrics,
    TimeProvider timeProvider,
    ILogger<AuditPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (journal.Pending > 0)
                {
                    MoveQueuedToJournal();
                    if (!await TryReplayAsync(stoppingToken))
                    {
                        await Task.Delay(settings.RetryInterval, timeProvider, stoppingToken);
                    }
                    continue;
                }
                if (!await queue.Reader.WaitToReadAsync(stoppingToken))
                {
                    break;
                }
                var batch = new List<ToolCallCompleted>(settings.BatchSize);
                while (batch.Count < settings.BatchSize && queue.Reader.TryRead(out var record))
                {
                    batch.Add(events.Create(record));
                }
                var failed = await PublishAsync(batch, stoppingToken);
                if (failed.Count > 0)
                {
                    LogJournaling(logger, failed.Count);
                    queue.Spill(failed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is kept in the journal below.
        }
        queue.Close();
        MoveQueuedToJournal();
    }

    /// <summary>A journal that cannot be read or rewritten right now is retried later, never allowed to stop the service.</summary>
    private async Task<bool> TryReplayAsync(CancellationToken ct)
    {
        try
        {
            return await ReplayAsync(ct);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogJournalFailed(logger, exception.GetType().Name);
            return false;
        }
    }

    /// <summary>Publishes the journal's segments in order; false when the bus is still unreachable.</summary>
    private async Task<bool> ReplayAsync(CancellationToken ct)
    {
        if (busControl.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            return false;
        }
        journal.Seal();
        foreach (var segment in journal.Segments())
        {
            var (records, unreadable) = journal.Read(segment);
            if (unreadable > 0)
            {
                metrics.Dropped(unreadable);
            }
            var published = 0;
            foreach (var batch in records.Chunk(options.Value.BatchSize))
            {
                var failed = await PublishAsync(batch, ct);
                if (failed.Count > 0)
                {
                    published += batch.Length - failed.Count;
                    journal.Keep(segment, [.. failed, .. records.Skip(published + failed.Count)], published);
                    return false;
                }
                published += batch.Length;
            }
            journal.Complete(segment, published);
            LogReplayed(logger, published);
        }
        journal.ResetIfEmpty();
        return true;
    }

    /// <summary>Publishes concurrently, each confirmed by the broker within the timeout; answers the ones that were not.</summary>
    private async Task<IReadOnlyList<ToolCallCompleted>> PublishAsync(IReadOnlyCollection<ToolCallCompleted> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var outcomes = await Task.WhenAll(batch.Select(async record =>
        {
            try
            {
                await bus.Publish(record, timeout.Token);
                return (Record: record, Published: true);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return (Record: record, Published: false);
            }
        }));
        var failed = outcomes.Where(o => !o.Published).Select(o => o.Record).ToList();
        metrics.Published(batch.Count - failed.Count);
        return failed;
    }

    private void MoveQueuedToJournal()
    {
        var queued = new List<ToolCallRecord>();
        while (queue.Reader.TryRead(out var record))
        {
            queued.Add(record);
        }
        if (queued.Count > 0)
        {
            queue.Spill(queued);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker did not confirm {Count} tool-call records; keeping them in the journal until it is back")]
    private static partial void LogJournaling(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit journal could not be replayed ({Error}); retrying")]
    private static partial void LogJournalFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} tool-call records from the journal")]
    private static partial void LogReplayed(ILogger logger, int count);
}
