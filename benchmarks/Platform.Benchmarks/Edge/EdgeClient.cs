using ModelContextProtocol.Client;

namespace Platform.Benchmarks.Edge;

/// <summary>The SDK's MCP client over Streamable HTTP, as an agent connects to the platform (or to the upstream directly).</summary>
internal static class EdgeClient
{
    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? bearer, CancellationToken ct) =>
        await ConnectAsync(endpoint, bearer, HttpTransportMode.StreamableHttp, "2025-11-25", ct);

    /// <summary>The same client over another transport and protocol version (the peer serves HTTP+SSE and 2025-06-18 at most).</summary>
    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? bearer, HttpTransportMode mode, string protocolVersion, CancellationToken ct)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = mode,
            EnableStandaloneGetStream = false,
            AdditionalHeaders = bearer is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearer}" },
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: ct);
    }
}
