using System.Net;
using System.Text.Json;

namespace Platform.Tests.McpEdge;

/// <summary>A response of the MCP endpoint: status, headers, and the JSON-RPC messages in its body (plain JSON or SSE).</summary>
public sealed record McpHttpResponse(HttpStatusCode Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static async Task<McpHttpResponse> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new McpHttpResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The JSON-RPC messages: the body itself, or every SSE <c>data:</c> line.</summary>
    public IReadOnlyList<JsonElement> Messages => MediaType == "text/event-stream"
        ? [.. Body.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).Select(line => Parse(line[5..].Trim()))]
        : Body.Length == 0 ? [] : [Parse(Body)];

    /// <summary>The single JSON-RPC error of a refused request.</summary>
    public JsonElement Error => Assert.Single(Messages).GetProperty("error");

    public override string ToString() => $"{(int)Status} {MediaType}: {Body[..Math.Min(Body.Length, 400)]}";

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
