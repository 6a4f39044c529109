using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Moves tool-call records from the in-memory queue to the bus, off the data path. Once a record is queued the
/// publisher lets records gather for <see cref="AuditOptions.PublishDelay"/> (unless a full message is already
/// waiting), then takes what is queued (up to <see cref="AuditOptions.BatchSize"/>) and publishes it as
/// <see cref="ToolCallCompletedBatch"/> messages cut by <see cref="AuditMessageBatcher"/>, concurrently, each
/// confirmed by the broker.
/// The calls of a message the broker does not confirm go to the journal; while the journal holds anything, new
/// records join it (so nothing overtakes it and memory stays bounded) and the journal is replayed, oldest first and
/// in messages of the same shape, whenever the bus is healthy again.
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
        var round = new List<ToolCallCompleted>();
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
                if (settings.PublishDelay > TimeSpan.Zero && queue.Reader.Count < settings.MaxCallsPerMessage)
                {
                    await Task.Delay(settings.PublishDelay, timeProvider, stoppingToken);
                }
                round.Clear();
                while (round.Count < settings.BatchSize && queue.Reader.TryRead(out var record))
                {
                    round.Add(events.Create(record));
                }
                var failed = await PublishAsync(round, stoppingToken);
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
            var taken = 0;
            foreach (var round in records.Chunk(options.Value.BatchSize))
            {
                taken += round.Length;
                var failed = await PublishAsync(round, ct);
                published += round.Length - failed.Count;
                if (failed.Count > 0)
                {
                    // The unconfirmed calls first, then the ones not tried yet: the segment keeps its order otherwise.
                    journal.Keep(segment, [.. failed, .. records.Skip(taken)], published);
                    return false;
                }
            }
            journal.Complete(segment, published);
            LogReplayed(logger, published);
        }
        journal.ResetIfEmpty();
        return true;
    }

    /// <summary>
    /// Publishes the calls as <see cref="ToolCallCompletedBatch"/> messages, concurrently, each confirmed by the
    /// broker within the timeout; answers the calls of the messages that were not, in their order.
    /// </summary>
    private async Task<IReadOnlyList<ToolCallCompleted>> PublishAsync(IReadOnlyList<ToolCallCompleted> calls, CancellationToken ct)
    {
        if (calls.Count == 0)
        {
            return [];
        }
        var messages = AuditMessageBatcher.Split(calls, options.Value.MaxCallsPerMessage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var confirmed = await Task.WhenAll(messages.Select(async message =>
        {
            try
            {
                await bus.Publish(new ToolCallCompletedBatch(message), timeout.Token);
                return true;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return false;
            }
        }));
        var failed = new List<ToolCallCompleted>();
        var publishedMessages = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (confirmed[i])
            {
                publishedMessages++;
            }
            else
            {
                failed.AddRange(messages[i]);
            }
        }
        metrics.Published(calls.Count - failed.Count, publishedMessages);
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
