using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Tests.Storage;

/// <summary>
/// An access log store whose writes wait until the test opens their gate, so a test decides when a batch commits
/// and sees which records each batch held. A batch fails if <see cref="FailWhen"/> says so.
/// </summary>
public sealed class GatedAccessLogStore : IAccessLogStore
{
    private readonly object _lock = new();
    private readonly List<IReadOnlyList<AccessRecord>> _batches = [];
    private readonly List<IReadOnlyList<AccessRecord>> _committed = [];
    private readonly List<TaskCompletionSource> _gates = [];
    private readonly List<TaskCompletionSource> _arrivals = [];

    public Func<IReadOnlyList<AccessRecord>, bool> FailWhen { get; init; } = _ => false;

    /// <summary>The batches that committed, in order.</summary>
    public IReadOnlyList<IReadOnlyList<AccessRecord>> Committed
    {
        get
        {
            lock (_lock)
            {
                return [.. _committed];
            }
        }
    }

    public async Task WriteAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        Task gate;
        lock (_lock)
        {
            _batches.Add([.. records]);
            gate = Gate(_batches.Count - 1).Task;
            Arrival(_batches.Count - 1).TrySetResult();
        }
        await gate;
        if (FailWhen(records))
        {
            throw new TimeoutException("database away");
        }
        lock (_lock)
        {
            _committed.Add([.. records]);
        }
    }

    /// <summary>Waits until batch <paramref name="index"/> (0-based) has reached the store, and returns its records.</summary>
    public async Task<IReadOnlyList<AccessRecord>> BatchAsync(int index)
    {
        Task arrived;
        lock (_lock)
        {
            arrived = Arrival(index).Task;
        }
        await arrived.WaitAsync(TimeSpan.FromSeconds(10));
        lock (_lock)
        {
            return _batches[index];
        }
    }

    /// <summary>Lets batch <paramref name="index"/> finish (commit, or fail).</summary>
    public void Open(int index)
    {
        lock (_lock)
        {
            Gate(index).TrySetResult();
        }
    }

    private TaskCompletionSource Gate(int index) => Slot(_gates, index);

    private TaskCompletionSource Arrival(int index) => Slot(_arrivals, index);

    private static TaskCompletionSource Slot(List<TaskCompletionSource> slots, int index)
    {
        while (slots.Count <= index)
        {
            slots.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        return slots[index];
    }
}
