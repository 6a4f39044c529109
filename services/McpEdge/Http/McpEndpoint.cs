namespace Platform.McpEdge.Http;

/// <summary>Maps the agents' one MCP endpoint.</summary>
public static class McpEndpoint
{
    public const string Path = "/mcp";

    public static IEndpointRouteBuilder MapMcpEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, (HttpContext context, StreamableHttpHandler handler) => handler.HandlePostAsync(context))
            .WithName("Mcp")
            .DisableAntiforgery();
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Delete], (HttpContext context, McpCors cors) =>
            {
                cors.Allow(context);
                return StreamableHttpHandler.HandleNotAllowedAsync(context);
            })
            .WithName("McpNotAllowed");
        endpoints.MapMethods(Path, [HttpMethods.Options], (HttpContext context, McpCors cors) => cors.HandlePreflightAsync(context))
            .WithName("McpPreflight");
        return endpoints;
    }
}
