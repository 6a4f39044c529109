using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>What one POST carried: a single JSON-RPC message, or a 2025-03-26 batch of them (in order).</summary>
public sealed record JsonRpcBody(IReadOnlyList<JsonRpcMessage> Messages, bool IsBatch)
{
    public static JsonRpcBody Single(JsonRpcMessage message) => new([message], IsBatch: false);

    /// <summary>The id to echo in an HTTP-level refusal: the request's own, when the body is one request.</summary>
    public RequestId RefusalId => !IsBatch && Messages[0] is JsonRpcRequest request ? request.Id : default;
}
