using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>An HTTP-level refusal of an MCP request: a status code with a JSON-RPC error body (id echoed when known).</summary>
public sealed record JsonRpcErrorResult(int StatusCode, int Code, string Message, RequestId Id = default, JsonNode? Data = null)
{
    public static JsonRpcErrorResult InvalidRequest(string message, RequestId id = default) =>
        new(StatusCodes.Status400BadRequest, (int)McpErrorCode.InvalidRequest, message, id);

    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = new JsonRpcError
        {
            Id = Id,
            Error = new JsonRpcErrorDetail { Code = Code, Message = Message, Data = Data },
        };
        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, error, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)), context.RequestAborted);
    }
}
