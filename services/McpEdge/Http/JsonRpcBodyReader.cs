using System.Buffers;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>
/// Reads a POST body no larger than the limit: one JSON-RPC message, or (protocol 2025-03-26 only) a batch of them.
/// Tells apart a body that is not JSON (parse error, -32700) from JSON that is not a JSON-RPC 2.0 message or batch
/// (invalid request, -32600). A batch is taken whole or refused whole, naming the first message at fault.
/// </summary>
public static class JsonRpcBodyReader
{
    public static async Task<(JsonRpcBody? Body, JsonRpcErrorResult? Error)> ReadAsync(HttpRequest request, long limit, int maxBatchMessages)
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
        return Parse(buffer.WrittenSpan, maxBatchMessages);
    }

    /// <param name="body">The request body.</param>
    /// <param name="maxBatchMessages">Most messages a batch may hold; 0 when the request's protocol has no batches.</param>
    public static (JsonRpcBody? Body, JsonRpcErrorResult? Error) Parse(ReadOnlySpan<byte> body, int maxBatchMessages = 0)
    {
        // The reader checks the UTF-8 of a string only when the string is read, long after parsing succeeded.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return (null, new(StatusCodes.Status400BadRequest, (int)McpErrorCode.ParseError, "Parse error: the body is not valid UTF-8."));
        }
        if (HasInvalidText(body))
        {
            return (null, JsonRpcErrorResult.InvalidRequest(
                "The body holds a string that is not valid Unicode (an unpaired surrogate escape such as \\ud800); send text as valid UTF-8."));
        }
        if (IsArray(body))
        {
            return ParseBatch(body, maxBatchMessages);
        }
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
            return (JsonRpcBody.Single(message), null);
        }
        catch (JsonException)
        {
            return (null, Diagnose(body));
        }
    }

    private static (JsonRpcBody? Body, JsonRpcErrorResult? Error) ParseBatch(ReadOnlySpan<byte> body, int maxBatchMessages)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            return (null, ParseError());
        }
        using (document)
        {
            if (maxBatchMessages == 0)
            {
                return (null, JsonRpcErrorResult.InvalidRequest(
                    $"JSON-RPC batches belong to protocol version {SupportedProtocolVersions.Assumed} only (2025-06-18 removed them); send one message per request."));
            }
            var elements = document.RootElement;
            if (elements.GetArrayLength() == 0)
            {
                return (null, JsonRpcErrorResult.InvalidRequest("An empty JSON-RPC batch is not a request; send at least one message."));
            }
            if (elements.GetArrayLength() > maxBatchMessages)
            {
                // Each message is work for the edge and its upstreams, and the gateway's rate limit counts one request.
                return (null, JsonRpcErrorResult.InvalidRequest(
                    $"A JSON-RPC batch may hold at most {maxBatchMessages} messages; this one holds {elements.GetArrayLength()}. Split it."));
            }
            var messages = new List<JsonRpcMessage>(elements.GetArrayLength());
            var ids = new HashSet<RequestId>();
            foreach (var element in elements.EnumerateArray())
            {
                var index = messages.Count;
                JsonRpcMessage? message;
                try
                {
                    message = element.ValueKind == JsonValueKind.Object ? element.Deserialize(MessageTypeInfo) : null;
                }
                catch (JsonException)
                {
                    message = null;
                }
                if (message is null || message.JsonRpc != "2.0")
                {
                    return (null, JsonRpcErrorResult.InvalidRequest(
                        $"Message {index} of the batch is not a valid JSON-RPC 2.0 request, notification or response (check \"jsonrpc\", \"method\", \"id\" and \"params\")."));
                }
                if (message is JsonRpcRequest { Method: RequestMethods.Initialize })
                {
                    return (null, JsonRpcErrorResult.InvalidRequest("initialize must be sent on its own, not in a JSON-RPC batch."));
                }
                if (message is JsonRpcRequest request && !ids.Add(request.Id))
                {
                    return (null, JsonRpcErrorResult.InvalidRequest($"Message {index} of the batch repeats the id {request.Id}; every request in a batch needs its own id."));
                }
                messages.Add(message);
            }
            var responses = messages.Count(m => m is JsonRpcResponse or JsonRpcError);
            if (responses > 0 && responses < messages.Count)
            {
                return (null, JsonRpcErrorResult.InvalidRequest("A batch holds requests and notifications, or responses, not both."));
            }
            return (new JsonRpcBody(messages, IsBatch: true), null);
        }
    }

    /// <summary>
    /// JSON may escape half a surrogate pair (<c>"\ud800"</c>), which no .NET string can hold: every later read of
    /// it (the id, a tool name, an argument) would throw. Only escaped strings can carry one (raw invalid UTF-8 is
    /// refused before), so only those are decoded here. Malformed JSON is left to the parse that follows.
    /// </summary>
    private static bool HasInvalidText(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        return false;
    }

    private static bool IsArray(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'[';
    }

    private static JsonRpcErrorResult ParseError() =>
        new(StatusCodes.Status400BadRequest, (int)McpErrorCode.ParseError, "Parse error: the body is not valid JSON.");

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
                JsonValueKind.Object => JsonRpcErrorResult.InvalidRequest(
                    "The body is not a valid JSON-RPC 2.0 request, notification or response (check \"jsonrpc\", \"method\", \"id\" and \"params\").",
                    ReadId(root)),
                _ => JsonRpcErrorResult.InvalidRequest("The body must be a JSON-RPC 2.0 message object."),
            };
        }
        catch (JsonException)
        {
            return ParseError();
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
