using Microsoft.Extensions.Options;
using Platform.Outbound;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// The connections for calls to upstream MCP servers and other agents (URLs a tenant supplied). Deliberately not
/// from the client factory: the platform defaults (service credential, discovery, retry, 10 s attempt timeout) are
/// for platform services. Every connection goes through the <see cref="OutboundPolicy"/> (no loopback, link-local or
/// private address unless the operator's allow-list names it; no redirects, a custom API-key header would travel
/// with them; no automatic decompression). Nothing is retried (tool calls are not idempotent) and timeouts are the
/// install's own. Each answer is read up to <see cref="McpEdgeOptions.MaxUpstreamResponseBytes"/> and no further.
/// </summary>
public sealed class UpstreamHttp : IDisposable
{
    private readonly SocketsHttpHandler _connections;
    private readonly long _maxResponseBytes;

    public UpstreamHttp(OutboundPolicy policy, IOptions<McpEdgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        _connections = policy.CreateHandler();
        _maxResponseBytes = options.Value.MaxUpstreamResponseBytes;
    }

    /// <summary>
    /// A client for one upstream session over the shared connection pool, with its own response limit (which says
    /// whether it cut an answer off), whose event streams are heard by the call that asked (<see cref="NotificationTapHandler"/>).
    /// Disposing the client leaves the pool open.
    /// </summary>
    public HttpClient CreateSessionClient(out ResponseSizeLimitHandler limit)
    {
        limit = new ResponseSizeLimitHandler(_connections, _maxResponseBytes);
        return new HttpClient(new NotificationTapHandler(new InsufficientScopeHandler(limit)), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose() => _connections.Dispose();
}
