using System.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// HTTP clients for the gateway and each service reached directly, on one handler that sends header values as UTF-8
/// bytes (HttpClient refuses non-ASCII values otherwise, and a hostile client is not bound by HttpClient's rules).
/// </summary>
public sealed class FuzzClients : IDisposable
{
    private readonly SocketsHttpHandler _handler = new()
    {
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        AllowAutoRedirect = false,
    };

    private readonly Dictionary<string, HttpClient> _clients = [];

    public FuzzClients(DistributedApplication app)
    {
        foreach (var resource in new[] { "gateway", "mcp-edge", "integration-registry", "audit-writer", "webhook-ingress" })
        {
            _clients[resource] = new HttpClient(_handler, disposeHandler: false) { BaseAddress = app.GetEndpoint(resource), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    public HttpClient this[string resource] => _clients[resource];

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        _handler.Dispose();
    }
}
