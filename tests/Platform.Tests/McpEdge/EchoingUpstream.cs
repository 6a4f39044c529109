using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.Tests.McpEdge;

/// <summary>
/// A careless upstream that quotes the <c>Authorization</c> header it was sent everywhere it can: in a tool's
/// description, in results (text and structured), in a tool error, in a JSON-RPC error and in a resource.
/// </summary>
public static class EchoingUpstream
{
    public static McpServerOptions Create(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = context.Request.Headers.Authorization.ToString();
        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "echoing", Version = "1.0.0" },
            ToolCollection =
            [
                McpServerTool.Create(() => new CallToolResult
                    {
                        Content = [new TextContentBlock { Text = $"you called with {presented}" }],
                        StructuredContent = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["presented"] = presented, [presented] = "as a key" }),
                    },
                    new() { Name = "whoami", Description = $"Tells who called (last seen: {presented})." }),
                McpServerTool.Create(() => new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"The key {presented} is not valid for this project." }] },
                    new() { Name = "reject", Description = "Fails as a tool." }),
                McpServerTool.Create(string () => throw new McpProtocolException($"invalid api key: {presented}", McpErrorCode.InvalidParams),
                    new() { Name = "explode", Description = "Fails with a JSON-RPC error." }),
            ],
            ResourceCollection =
            [
                McpServerResource.Create(() => $"header: {presented}", new() { UriTemplate = "echo://header", Name = "header", MimeType = "text/plain" }),
            ],
        };
    }
}
