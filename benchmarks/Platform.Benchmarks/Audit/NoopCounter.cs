namespace Platform.Benchmarks.Audit;

/// <summary>Counts consumed messages and completes once the expected number arrived.</summary>
internal sealed class NoopCounter(int expected)
{
    private int _count;

    public TaskCompletionSource AllConsumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) == expected)
        {
            AllConsumed.TrySetResult();
        }
    }
}
