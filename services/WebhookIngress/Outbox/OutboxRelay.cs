using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.WebhookIngress.Outbox;

/// <summary>
/// Publishes accepted events to the bus and marks their outbox rows sent once the broker confirmed them
/// (publisher confirms; published as mandatory, so a message no queue would take comes back as a failure).
/// While the broker is away, rows stay pending and rounds back off; nothing accepted is lost. A crash between a
/// confirm and the commit of the mark publishes that event again: consumers dedupe on its id. Once an hour it also
/// deletes sent rows and events past their retention (<see cref="OutboxOptions"/>).
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = FirstBackoff;
        var nextCleanup = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (locked, published) = await RelayBatchAsync(settings, stoppingToken);
                if (published < locked)
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
                    continue;
                }
                backoff = FirstBackoff;
                if (timeProvider.GetUtcNow() >= nextCleanup)
                {
                    var now = timeProvider.GetUtcNow();
                    await OutboxStore.DeleteExpiredAsync(dataSource, now - settings.SentRetention, now - settings.EventRetention, stoppingToken);
                    nextCleanup = timeProvider.GetUtcNow() + CleanupInterval;
                }
                if (locked < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, exception.GetType().Name, backoff);
                await DelayQuietlyAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>One round: lock pending rows, publish them concurrently, mark the confirmed ones sent, commit.</summary>
    private async Task<(int Locked, int Published)> RelayBatchAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var pending = await OutboxStore.LockPendingAsync(connection, transaction, settings.BatchSize, ct);
        if (pending.Count == 0)
        {
            await transaction.CommitAsync(ct);
            return (0, 0);
        }
        using var publishWindow = CancellationTokenSource.CreateLinkedTokenSource(ct);
        publishWindow.CancelAfter(settings.PublishTimeout);
        var confirmed = await Task.WhenAll(pending.Select(row => TryPublishAsync(row, publishWindow.Token)));
        var sent = pending.Where((_, index) => confirmed[index]).Select(row => row.OutboxId).ToList();
        var failed = pending.Where((_, index) => !confirmed[index]).Select(row => row.OutboxId).ToList();
        await OutboxStore.MarkSentAsync(connection, transaction, sent, failed, ct);
        await transaction.CommitAsync(ct);
        if (failed.Count > 0)
        {
            LogPublishFailed(logger, failed.Count, pending.Count);
        }
        return (pending.Count, sent.Count);
    }

    private async Task<bool> TryPublishAsync(PendingEvent row, CancellationToken ct)
    {
        try
        {
            await bus.Publish(row.Message, context =>
            {
                context.MessageId = row.Message.Id;
                context.Mandatory = true;
            }, ct);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEventNotPublished(logger, row.Message.Id, exception.GetType().Name);
            return false;
        }
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, timeProvider, ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the relay.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed ({Error}); retrying in {Delay}")]
    private static partial void LogRoundFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Total} webhook events were not confirmed by the broker; they stay pending")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Publishing webhook event {EventId} failed ({Error})")]
    private static partial void LogEventNotPublished(ILogger logger, Guid eventId, string error);
}
