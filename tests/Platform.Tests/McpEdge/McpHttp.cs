using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Tests.McpEdge;

/// <summary>Raw Streamable HTTP exchanges, for the rules a well-behaved SDK client would never break.</summary>
public static class McpHttp
{
    public const string BothTypes = "application/json, text/event-stream";

    public static async Task<McpHttpResponse> PostAsync(
        HttpClient http, string? token, string body, string accept = BothTypes, string? protocolVersion = "2025-11-25",
        string contentType = "application/json", string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (protocolVersion is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", protocolVersion);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        using var response = await http.SendAsync(request);
        return await McpHttpResponse.ReadAsync(response);
    }

    public static string Request(string method, object? @params = null, object? id = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["jsonrpc"] = "2.0", ["id"] = id ?? 1, ["method"] = method, ["params"] = @params ?? new { } });
}
