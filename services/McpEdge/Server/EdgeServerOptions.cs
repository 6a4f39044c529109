using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.McpEdge.Http;
using Platform.McpEdge.Tools;
using Platform.ServiceDefaults;

namespace Platform.McpEdge.Server;

/// <summary>
/// The MCP server of one request, bound to its caller. Capabilities are what the edge really serves: tools,
/// resources (no subscriptions), prompts and completions; no logging and nothing announcing list changes,
/// because a stateless server has no stream to announce them on.
/// </summary>
public sealed class EdgeServerOptions(CatalogListHandlers lists, ForwardedRequestHandlers forwarded, ToolCallHandler tools, ServiceIdentity identity)
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
                ListToolsHandler = (request, ct) => lists.ListToolsAsync(caller, request.Params, ct),
                CallToolHandler = (request, ct) => tools.CallAsync(caller, request, ct),
                ListResourcesHandler = (request, ct) => lists.ListResourcesAsync(caller, request.Params, ct),
                ListResourceTemplatesHandler = (request, ct) => lists.ListTemplatesAsync(caller, request.Params, ct),
                ReadResourceHandler = (request, ct) => forwarded.ReadResourceAsync(caller, request.Params, ct),
                ListPromptsHandler = (request, ct) => lists.ListPromptsAsync(caller, request.Params, ct),
                GetPromptHandler = (request, ct) => forwarded.GetPromptAsync(caller, request.Params, ct),
                CompleteHandler = (request, ct) => forwarded.CompleteAsync(caller, request.Params, ct),
            },
        };
        options.Filters.Message.OutgoingFilters.Add(HonestCapabilities.Filter);
        return options;
    }

    /// <summary>An initialize asking for a revision the edge does not speak is answered with the newest one it does.</summary>
    public static string NegotiateVersion(string? requested) =>
        SupportedProtocolVersions.IsSupported(requested) ? requested! : SupportedProtocolVersions.Latest;
}
