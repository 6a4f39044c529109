using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>The SDK's own MCP client, connected through the gateway or straight to one edge replica.</summary>
public static class EdgeClients
{
    public static Task<McpClient> ThroughGatewayAsync(DistributedApplicationFixture platform, string agentToken, string? protocolVersion = "2025-11-25") =>
        ConnectAsync(platform.App.GetEndpoint("gateway"), agentToken, protocolVersion);

    public static Task<McpClient> ToReplicaAsync(DistributedApplicationFixture platform, int replica, string agentToken) =>
        ConnectAsync(platform.App.GetEndpoint("mcp-edge", replica), agentToken, "2025-11-25");

    /// <summary>Through the gateway, with every response's messages kept in wire order by <paramref name="recorder"/>.</summary>
    public static Task<McpClient> ThroughGatewayAsync(DistributedApplicationFixture platform, string agentToken, WireRecorder recorder) =>
        ConnectAsync(platform.App.GetEndpoint("gateway"), agentToken, "2025-11-25", recorder);

    public static async Task<McpClient> ConnectAsync(Uri baseAddress, string agentToken, string? protocolVersion, WireRecorder? recorder = null)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {agentToken}" },
        };
        var transport = recorder is null ? new HttpClientTransport(options) : new HttpClientTransport(options, new HttpClient(recorder), ownsHttpClient: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "platform-tests", Version = "1.0.0" },
            ProtocolVersion = protocolVersion,
        }, cancellationToken: timeout.Token);
    }
}
