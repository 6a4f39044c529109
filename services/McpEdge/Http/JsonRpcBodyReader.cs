using System.Buffers;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>
/// Reads one JSON-RPC message from a POST body no larger than the limit. Tells apart a body that is not JSON
/// (parse error, -32700) from JSON that is not one JSON-RPC 2.0 message (invalid request, -32600; batches included).
/// </summary>
public static class JsonRpcBodyReader
{
    public static async Task<(JsonRpcMessage? Message, JsonRpcErrorResult? Error)> ReadAsync(HttpRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return (null, TooLarge(limit));
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        return Parse(buffer.WrittenSpan);
    }

    public static (JsonRpcMessage? Message, JsonRpcErrorResult? Error) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var message = JsonSerializer.Deserialize(body, MessageTypeInfo);
            if (message is null)
            {
                return (null, JsonRpcErrorResult.InvalidRequest("The body must be one JSON-RPC 2.0 message, not null."));
            }
            if (message.JsonRpc != "2.0")
            {
                return (null, JsonRpcErrorResult.InvalidRequest("The message must declare \"jsonrpc\": \"2.0\".", IdOf(message)));
            }
            return (message, null);
        }
        catch (JsonException)
        {
            return (null, Diagnose(body));
        }
    }

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage> MessageTypeInfo =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static RequestId IdOf(JsonRpcMessage message) => message is JsonRpcMessageWithId withId ? withId.Id : default;

    /// <summary>Only on the error path: was it JSON at all, and what did it look like?</summary>
    private static JsonRpcErrorResult Diagnose(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => JsonRpcErrorResult.InvalidRequest("JSON-RPC batches are not supported; send one message per request."),
                JsonValueKind.Object => JsonRpcErrorResult.InvalidRequest(
                    "The body is not a valid JSON-RPC 2.0 request, notification or response (check \"jsonrpc\", \"method\", \"id\" and \"params\").",
                    ReadId(root)),
                _ => JsonRpcErrorResult.InvalidRequest("The body must be a JSON-RPC 2.0 message object."),
            };
        }
        catch (JsonException)
        {
            return new JsonRpcErrorResult(StatusCodes.Status400BadRequest, (int)McpErrorCode.ParseError, "Parse error: the body is not valid JSON.");
        }
    }

    private static RequestId ReadId(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var id))
        {
            return default;
        }
        return id.ValueKind switch
        {
            JsonValueKind.String => new RequestId(id.GetString()!),
            JsonValueKind.Number when id.TryGetInt64(out var number) => new RequestId(number),
            _ => default,
        };
    }

    private static JsonRpcErrorResult TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, (int)McpErrorCode.InvalidRequest, $"The request body is larger than {limit} bytes.");
}
