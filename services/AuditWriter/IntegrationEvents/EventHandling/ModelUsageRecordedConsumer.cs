using MassTransit;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.ModelCalls;
using Platform.Contracts;

namespace Platform.AuditWriter.IntegrationEvents.EventHandling;

/// <summary>The model-usage ledger, alone on queue <c>model-usage-ledger</c>; acknowledged once its row is committed.</summary>
public sealed class ModelUsageRecordedConsumer(ModelCallRecordFactory records, BatchWriter<ModelCallRecord> writer) : IConsumer<ModelUsageRecorded>
{
    public const string QueueName = "model-usage-ledger";

    public Task Consume(ConsumeContext<ModelUsageRecorded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return writer.WriteAsync(records.Create(context.Message), context.CancellationToken);
    }
}
