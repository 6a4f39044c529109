namespace Platform.Hosting;

internal sealed class Orchestrator(DistributedApplicationBuilder builder) : IAsyncDisposable
{
    public ResourceStateStore Store { get; } = new();

    public Task<int> RunAsync() => throw new NotImplementedException(builder.ToString());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
