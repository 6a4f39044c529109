using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.McpEdge.Server;

/// <summary>
/// The SDK always announces <c>logging</c>, which tells a client the server sends log messages. The edge does not
/// (a stateless server has nowhere to remember a level, and upstream log messages cannot be told apart per call on
/// a shared session), so the announcement is removed from the initialize result; <c>logging/setLevel</c> is still
/// answered, harmlessly, for clients that send it anyway.
/// </summary>
public static class HonestCapabilities
{
    public static McpMessageFilter Filter { get; } = next => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject result }
            && result.ContainsKey("protocolVersion")
            && result["capabilities"] is JsonObject capabilities)
        {
            capabilities.Remove("logging");
        }
        return next(context, cancellationToken);
    };
}
