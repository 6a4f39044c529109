using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Outbox;

/// <summary>
/// The one relay of the platform: publishes a service's outbox to the bus, each event confirmed by the broker
/// (publisher confirms) before the store marks it sent. While the broker is away events stay pending and rounds
/// back off; nothing is lost. A crash between a confirm and the mark publishes that event again: its id is the
/// message id, and consumers dedupe on it. Several replicas share one outbox safely: the store hands each event
/// to one relay at a time.
/// </summary>
public sealed partial class OutboxRelay(
    IOutboxStore store,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = FirstBackoff;
        var nextCleanup = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (taken, published) = await RelayRoundAsync(settings, stoppingToken);
                if (published < taken)
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken);
                    backoff = Grow(backoff, settings.MaxBackoff);
                    continue;
                }
                backoff = FirstBackoff;
                if (timeProvider.GetUtcNow() >= nextCleanup)
                {
                    await store.DeleteExpiredAsync(stoppingToken);
                    nextCleanup = timeProvider.GetUtcNow() + settings.CleanupInterval;
                }
                if (taken < settings.BatchSize)
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
                backoff = Grow(backoff, settings.MaxBackoff);
            }
        }
    }

    /// <summary>One round: take pending events, publish them concurrently, record which the broker confirmed.</summary>
    private async Task<(int Taken, int Published)> RelayRoundAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var batch = await store.TakeAsync(settings.BatchSize, ct);
        if (batch.Messages.Count == 0)
        {
            await batch.CompleteAsync([], ct);
            return (0, 0);
        }
        using var publishWindow = CancellationTokenSource.CreateLinkedTokenSource(ct);
        publishWindow.CancelAfter(settings.PublishTimeout);
        var confirmed = await Task.WhenAll(batch.Messages.Select(message => TryPublishAsync(message, publishWindow.Token)));
        await batch.CompleteAsync(confirmed, ct);
        var published = confirmed.Count(ok => ok);
        if (published < confirmed.Length)
        {
            LogNotConfirmed(logger, confirmed.Length - published, confirmed.Length);
        }
        return (confirmed.Length, published);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await bus.Publish(message.Message, message.Message.GetType(), context =>
            {
                context.MessageId = message.Id;
                context.Mandatory = store.RequiresReceiver;
            }, ct);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEventNotPublished(logger, message.Id, exception.GetType().Name);
            return false;
        }
    }

    private static TimeSpan Grow(TimeSpan backoff, TimeSpan max) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, max.Ticks));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Total} outbox events were not confirmed by the broker; they stay pending")]
    private static partial void LogNotConfirmed(ILogger logger, int failed, int total);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Publishing outbox event {EventId} failed ({Error})")]
    private static partial void LogEventNotPublished(ILogger logger, Guid eventId, string error);
}
