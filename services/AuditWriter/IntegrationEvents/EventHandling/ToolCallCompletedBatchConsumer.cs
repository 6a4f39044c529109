using System.Globalization;
using MassTransit;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.ToolCalls;
using Platform.Contracts;

namespace Platform.AuditWriter.IntegrationEvents.EventHandling;

/// <summary>
/// The tool-call audit, alone on queue <c>tool-call-audit</c> (bound to <see cref="ToolCallCompletedBatch"/> and
/// nothing else). Each call is validated, redacted and written by <see cref="ToolCallBatchIngest"/>; the message is
/// acknowledged once all its good calls are committed. Bad calls (refused by the rules or by the database) are sent
/// to <c>tool-call-audit_error</c> — the queue MassTransit itself parks this endpoint's faults in — as batches of
/// only the bad calls, one message per reason, the reason in <c>MT-Fault-Message</c>; that send is confirmed by
/// the broker before the original is acknowledged. If it fails, the consumer throws, so the original is retried
/// (stored calls are idempotent) and, after the bus's retries, parked whole by MassTransit.
/// </summary>
public sealed partial class ToolCallCompletedBatchConsumer(
    ToolCallBatchIngest ingest,
    ToolCallIngestMetrics metrics,
    ParkedAlarm alarm,
    TimeProvider timeProvider,
    ILogger<ToolCallCompletedBatchConsumer> logger) : IConsumer<ToolCallCompletedBatch>
{
    public const string QueueName = "tool-call-audit";

    /// <summary>MassTransit's error queue of <see cref="QueueName"/>: exchange and queue of this name, bound.</summary>
    public const string ErrorQueueName = QueueName + "_error";

    /// <summary>How long the broker has to confirm the error messages before the original is retried.</summary>
    public static readonly TimeSpan ParkTimeout = TimeSpan.FromSeconds(10);

    private static readonly Uri ErrorQueue = new($"queue:{ErrorQueueName}");

    public async Task Consume(ConsumeContext<ToolCallCompletedBatch> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calls = context.Message.Calls;
        if (calls is null || calls.Count == 0)
        {
            // Nothing to store and nothing wrong with any call: acknowledged, and counted.
            metrics.Empty();
            LogEmpty(logger, context.MessageId);
            return;
        }
        var rejected = await ingest.StoreAsync(calls, context.CancellationToken);
        if (rejected.Count > 0)
        {
            await ParkAsync(context, rejected);
        }
        metrics.Consumed(calls.Count - rejected.Count, rejected.Count);
    }

    private async Task ParkAsync(ConsumeContext<ToolCallCompletedBatch> context, IReadOnlyList<RejectedCall> rejected)
    {
        var parked = ToolCallBatchIngest.ForErrorQueue(rejected);
        var at = timeProvider.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var inputAddress = context.ReceiveContext.InputAddress?.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(ParkTimeout);
        try
        {
            var endpoint = await context.GetSendEndpoint(ErrorQueue);
            await Task.WhenAll(parked.Select(message => endpoint.Send(
                message.Message,
                send => Describe(send, message.Reason, at, inputAddress, context.MessageId),
                timeout.Token)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException && !context.CancellationToken.IsCancellationRequested)
        {
            LogParkingFailed(logger, rejected.Count, context.MessageId, exception.GetType().Name);
            throw new InvalidOperationException(
                $"{rejected.Count} rejected tool calls could not be parked in {ErrorQueueName} ({exception.GetType().Name}); the message is retried.",
                exception);
        }
        alarm.Raise(rejected.Count);
        foreach (var message in parked)
        {
            LogParked(logger, message.Message.Calls.Count, context.MessageId, ErrorQueueName, message.Reason);
        }
    }

    /// <summary>The headers MassTransit's own error transport writes, so tools that read parked faults read these too.</summary>
    private static void Describe(SendContext send, string reason, string at, string? inputAddress, Guid? originalMessageId)
    {
        send.Headers.Set(MessageHeaders.Reason, "fault");
        send.Headers.Set(MessageHeaders.FaultExceptionType, typeof(RejectedRecordException).FullName);
        send.Headers.Set(MessageHeaders.FaultMessage, reason);
        send.Headers.Set(MessageHeaders.FaultTimestamp, at);
        send.Headers.Set(MessageHeaders.FaultConsumerType, typeof(ToolCallCompletedBatchConsumer).FullName);
        if (inputAddress is not null)
        {
            send.Headers.Set(MessageHeaders.FaultInputAddress, inputAddress);
        }
        if (originalMessageId is { } id)
        {
            send.Headers.Set(MessageHeaders.OriginalMessageId, id.ToString());
        }
    }

    // An error, not a warning: these calls are missing from the audit until an operator moves them back.
    [LoggerMessage(Level = LogLevel.Error, Message = "Parked {Count} tool calls of message {MessageId} in {Queue}, missing from the audit until moved back: {Reason}")]
    private static partial void LogParked(ILogger logger, int count, Guid? messageId, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not park {Count} rejected tool calls of message {MessageId} ({Error}); the message will be retried")]
    private static partial void LogParkingFailed(ILogger logger, int count, Guid? messageId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool-call message {MessageId} held no calls; acknowledged")]
    private static partial void LogEmpty(ILogger logger, Guid? messageId);
}
