using ModelContextProtocol.Client;

namespace Platform.McpEdge.Upstream;

/// <summary>One call's hold on a pooled upstream session; disposing it lets a dropped session close.</summary>
public sealed class UpstreamSessionLease(McpClient client, Func<Task> release) : IAsyncDisposable
{
    private int _released;

    public McpClient Client { get; } = client;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await release();
        }
    }
}
