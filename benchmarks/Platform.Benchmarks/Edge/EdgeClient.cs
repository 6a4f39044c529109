using ModelContextProtocol.Client;

namespace Platform.Benchmarks.Edge;

/// <summary>The SDK's MCP client over Streamable HTTP, as an agent connects to the platform (or to the upstream directly).</summary>
internal static class EdgeClient
{
    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? bearer, CancellationToken ct)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            EnableStandaloneGetStream = false,
            AdditionalHeaders = bearer is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {bearer}" },
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" }, cancellationToken: ct);
    }
}
