using MassTransit;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.ToolCalls;
using Platform.Contracts;

namespace Platform.AuditWriter.IntegrationEvents.EventHandling;

/// <summary>
/// The tool-call audit, alone on queue <c>tool-call-audit</c>: validates and redacts each event, then hands it to
/// the batch writer; the message is acknowledged once its row is committed.
/// </summary>
public sealed class ToolCallCompletedConsumer(ToolCallRecordFactory records, BatchWriter<ToolCallRecord> writer) : IConsumer<ToolCallCompleted>
{
    public const string QueueName = "tool-call-audit";

    public Task Consume(ConsumeContext<ToolCallCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return writer.WriteAsync(records.Create(context.Message), context.CancellationToken);
    }
}
