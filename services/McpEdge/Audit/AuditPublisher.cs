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
/// The calls of a message the broker does not confirm go to the journal, the edge's outbox, which the platform's
/// one outbox relay empties once the bus is healthy (<see cref="AuditJournalOutbox"/>). While the journal holds
/// anything, new records join it, so nothing overtakes it and memory stays bounded.
/// </summary>
public sealed partial class AuditPublisher(
    ToolCallAuditQueue queue,
    AuditJournal journal,
    ToolCallEvents events,
    IBus bus,
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
                    await Task.Delay(settings.RetryInterval, timeProvider, stoppingToken);
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
}
