using Platform.AuditWriter.Ingest;

namespace Platform.AuditWriter.Tests;

/// <summary>A store that records the batches it was given and fails as told.</summary>
internal sealed class RecordingStore(Func<IReadOnlyList<string>, int, Exception?>? failure = null) : IBatchStore<string>
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<string>> _batches = [];
    private int _calls;

    public IReadOnlyList<IReadOnlyList<string>> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<string> Stored => [.. Batches.SelectMany(batch => batch)];

    public Task WriteAsync(IReadOnlyList<string> records, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (failure?.Invoke(records, call) is { } exception)
        {
            return Task.FromException(exception);
        }
        lock (_gate)
        {
            _batches.Add([.. records]);
        }
        return Task.CompletedTask;
    }
}
