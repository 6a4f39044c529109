using MassTransit;
using Platform.Contracts;

namespace Platform.Benchmarks.Audit;

/// <summary>
/// Consumes and does nothing but count the calls a message carries: what MassTransit alone costs per message, for
/// the bare-bus baseline.
/// </summary>
internal sealed class NoopConsumer(NoopCounter counter) : IConsumer<ToolCallCompletedBatch>
{
    public Task Consume(ConsumeContext<ToolCallCompletedBatch> context)
    {
        counter.Add(context.Message.Calls?.Count ?? 0);
        return Task.CompletedTask;
    }
}
