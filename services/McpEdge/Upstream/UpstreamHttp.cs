namespace Platform.McpEdge.Upstream;

/// <summary>
/// The one HttpClient for calls to upstream MCP servers (third-party hosts). Deliberately not from the client
/// factory: the platform defaults (service credential, discovery, retry, 10 s attempt timeout) are for platform
/// services. Here nothing is retried (tool calls are not idempotent), timeouts are the install's own, redirects
/// are not followed (a custom API-key header would travel with them), and connections are pooled and reused.
/// </summary>
public sealed class UpstreamHttp : IDisposable
{
    public UpstreamHttp()
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
