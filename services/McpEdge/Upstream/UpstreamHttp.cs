using Platform.Outbound;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// The one HttpClient for calls to upstream MCP servers and other agents (URLs a tenant supplied). Deliberately not
/// from the client factory: the platform defaults (service credential, discovery, retry, 10 s attempt timeout) are
/// for platform services. Every connection goes through the <see cref="OutboundPolicy"/> (no loopback, link-local or
/// private address unless the operator's allow-list names it; no redirects, a custom API-key header would travel
/// with them; no automatic decompression). Nothing is retried (tool calls are not idempotent) and timeouts are the
/// install's own.
/// </summary>
public sealed class UpstreamHttp : IDisposable
{
    public UpstreamHttp(OutboundPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Client = new HttpClient(policy.CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
