namespace Platform.Benchmarks.Audit;

/// <summary>Counts consumed calls and completes once the expected number arrived.</summary>
internal sealed class NoopCounter(int expected)
{
    private int _count;

    public TaskCompletionSource AllConsumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(int calls)
    {
        if (Interlocked.Add(ref _count, calls) >= expected)
        {
            AllConsumed.TrySetResult();
        }
    }
}
