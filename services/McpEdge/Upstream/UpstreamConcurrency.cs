using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.McpEdge.Upstream;

/// <summary>At most <see cref="McpEdgeOptions.MaxConcurrentCallsPerUpstream"/> calls in flight to one upstream per instance.</summary>
public sealed class UpstreamConcurrency(IOptions<McpEdgeOptions> options)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _slots = new();

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(Guid sourceId, CancellationToken ct)
    {
        var slots = _slots.GetOrAdd(sourceId, _ => new SemaphoreSlim(options.Value.MaxConcurrentCallsPerUpstream));
        await slots.WaitAsync(ct);
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
