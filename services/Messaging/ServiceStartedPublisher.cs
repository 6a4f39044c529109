using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Contracts;
using Platform.ServiceDefaults;

namespace Platform.Messaging;

/// <summary>
/// Announces this instance on the bus once, retrying with backoff for a bounded time while the broker is
/// unreachable. Published as mandatory, so a message no queue would receive comes back instead of vanishing.
/// </summary>
internal sealed partial class ServiceStartedPublisher(IBus bus, ServiceIdentity identity, TimeProvider timeProvider, ILogger<ServiceStartedPublisher> logger)
    : BackgroundService
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One id for every attempt, so a consumer that saw an earlier attempt ignores the repeat.
        var message = new ServiceStarted(Guid.NewGuid(), timeProvider.GetUtcNow().UtcDateTime, identity.Service, identity.Instance, identity.Version);
        var delay = TimeSpan.FromSeconds(1);
        var started = timeProvider.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (timeProvider.GetElapsedTime(started) > GiveUpAfter)
            {
                LogGaveUp(logger, message.Id, GiveUpAfter);
                return;
            }
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                attempt.CancelAfter(AttemptTimeout);
                await bus.Publish(message, context => context.Mandatory = true, attempt.Token);
                LogPublished(logger, message.Service, message.Instance, message.Id);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (MessageReturnedException)
            {
                LogNoSubscriber(logger, delay);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogPublishFailed(logger, exception.GetType().Name, delay);
            }
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published ServiceStarted for {Service} instance {Instance} ({MessageId})")]
    private static partial void LogPublished(ILogger logger, string service, string instance, Guid messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No queue is bound for ServiceStarted yet; retrying in {Delay}")]
    private static partial void LogNoSubscriber(ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up announcing ServiceStarted {MessageId} after {Elapsed}")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing ServiceStarted failed ({Error}); retrying in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, string error, TimeSpan delay);
}
