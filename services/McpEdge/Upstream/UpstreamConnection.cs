using ModelContextProtocol.Client;

namespace Platform.McpEdge.Upstream;

/// <summary>A ready upstream session and the credential it presents, held until disposed.</summary>
public sealed class UpstreamConnection(UpstreamSessionKey key, UpstreamSessionLease lease, UpstreamCredential credential) : IAsyncDisposable
{
    public UpstreamSessionKey Key { get; } = key;

    public McpClient Client => lease.Client;

    public UpstreamCredential Credential { get; } = credential;

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}
