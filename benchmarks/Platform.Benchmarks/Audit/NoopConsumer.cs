using MassTransit;
using Platform.Contracts;

namespace Platform.Benchmarks.Audit;

/// <summary>Consumes and does nothing: what MassTransit alone costs per message, for the bare-bus baseline.</summary>
internal sealed class NoopConsumer(NoopCounter counter) : IConsumer<ToolCallCompleted>
{
    public Task Consume(ConsumeContext<ToolCallCompleted> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}
