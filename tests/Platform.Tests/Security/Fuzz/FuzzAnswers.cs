using System.Text.Json;

namespace Platform.Tests.Security.Fuzz;

/// <summary>Reads JSON-RPC messages out of an MCP answer (plain JSON or server-sent events; single or batch).</summary>
public static class FuzzAnswers
{
    public static IEnumerable<JsonElement> Messages(string? mediaType, string body)
    {
        var payloads = mediaType == "text/event-stream"
            ? body.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim())
            : [body];
        foreach (var payload in payloads)
        {
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(payload);
            }
            catch (JsonException)
            {
                continue;
            }
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in root.EnumerateArray())
                {
                    yield return item;
                }
            }
            else
            {
                yield return root;
            }
        }
    }

    /// <summary>A successful <c>tools/call</c> result: content, and no <c>isError: true</c>.</summary>
    public static bool IsSuccessfulToolResult(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
        && result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
        && !(result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True);
}
