using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.McpEdge.Http;
using Platform.McpEdge.Tools;
using Platform.McpEdge.Upstream;
using Platform.ServiceDefaults;

namespace Platform.McpEdge.Server;

/// <summary>
/// The MCP server of one request, bound to its caller. Capabilities are what the edge really serves: tools,
/// resources (no subscriptions: resources/subscribe is method not found), prompts, completions and logging (upstream
/// log messages relayed during every forwarded request, <see cref="NotificationRelay"/>); nothing announcing list changes, because a
/// stateless server has no stream to announce them on. The SDK's server logger is off (appsettings): it
/// logs every JSON-RPC error a handler answers with, an unknown tool included, as an error with a stack trace. The
/// edge logs a client mistake (unknown tool, resource or prompt) in one informational line instead, and real
/// failures as errors (<see cref="Logged"/>).
/// </summary>
public sealed partial class EdgeServerOptions(
    CatalogListHandlers lists, ForwardedRequestHandlers forwarded, ToolCallHandler tools, ServiceIdentity identity, ILogger<EdgeServerOptions> logger)
{
    public const string Instructions =
        "This server gathers the tools of every integration you may use. Tools are named '<integration>__<tool>'; "
        + "call platform__list_integrations to see each integration and whether it is connected for the person you act for.";

    public McpServerOptions Create(EdgeCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "platform-mcp-edge", Title = "Platform MCP gateway", Version = identity.Version },
            ServerInstructions = Instructions,
            ProtocolVersion = null,
            ScopeRequests = false,
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => lists.ListToolsAsync(caller, request.Params, ct)),
                CallToolHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => tools.CallAsync(caller, request, ct)),
                ListResourcesHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => lists.ListResourcesAsync(caller, request.Params, ct)),
                ListResourceTemplatesHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => lists.ListTemplatesAsync(caller, request.Params, ct)),
                ReadResourceHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => forwarded.ReadResourceAsync(caller, request, ct)),
                ListPromptsHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => lists.ListPromptsAsync(caller, request.Params, ct)),
                GetPromptHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => forwarded.GetPromptAsync(caller, request, ct)),
                CompleteHandler = (request, ct) => Logged(request.JsonRpcRequest.Method, () => forwarded.CompleteAsync(caller, request, ct)),
                SubscribeToResourcesHandler = (request, _) => throw NoSubscriptions(request.JsonRpcRequest.Method),
                UnsubscribeFromResourcesHandler = (request, _) => throw NoSubscriptions(request.JsonRpcRequest.Method),
            },
        };
        return options;
    }

    /// <summary>
    /// resources/subscribe and resources/unsubscribe: a stateless server has no stream to send
    /// <c>notifications/resources/updated</c> on, so they are not offered (the capability says so) and are answered
    /// as methods this server does not have, rather than with an empty result that promises updates.
    /// </summary>
    private static McpProtocolException NoSubscriptions(string method) =>
        new($"Method not found: {method}. This server is stateless and cannot send resource updates; read the resource again to see changes.",
            McpErrorCode.MethodNotFound);

    /// <summary>
    /// Runs a handler; a failure other than a JSON-RPC error of its own making (or the caller going away) is logged
    /// as an error with its exception, since the SDK's own logging of it is off.
    /// </summary>
    private async ValueTask<T> Logged<T>(string method, Func<ValueTask<T>> handler)
    {
        try
        {
            return await handler();
        }
        catch (McpProtocolException mistake) when (mistake.ErrorCode is McpErrorCode.InvalidParams or McpErrorCode.ResourceNotFound)
        {
            // An unknown tool, resource or prompt, a missing parameter: the caller's mistake, answered and noted.
            LogClientMistake(logger, method, mistake.Message);
            throw;
        }
        catch (Exception exception) when (exception is not (McpProtocolException or OperationCanceledException))
        {
            LogHandlerFailed(logger, method, exception);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Reason}")]
    private static partial void LogClientMistake(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Method} handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);

    /// <summary>An initialize asking for a revision the edge does not speak is answered with the newest one it does.</summary>
    public static string NegotiateVersion(string? requested) =>
        SupportedProtocolVersions.IsSupported(requested) ? requested! : SupportedProtocolVersions.Latest;
}
