using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.McpEdge.Http;

/// <summary>
/// Maps the agents' one MCP endpoint and the ASP.NET Core pieces in front of it: the origin check (403, before
/// anything else, preflights included), CORS for allowed browser origins, and agent authentication (401).
/// </summary>
public static class McpEndpoint
{
    public const string Path = "/mcp";

    /// <summary>The authorization policy of POST <c>/mcp</c>: an agent token, checked by the registry's scheme.</summary>
    public const string AgentPolicy = "agent";

    public static IServiceCollection AddMcpEndpoint(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<McpRequestChecks>();
        services.AddSingleton<StreamableHttpHandler>();
        services.AddCors();
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, McpCorsPolicyProvider>();
        services.AddAuthorizationBuilder().AddPolicy(AgentPolicy, policy => policy
            .AddAuthenticationSchemes(RegistryAuthenticationDefaults.AgentTokenScheme)
            .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// The middleware, in the order that keeps the endpoint's promises: a foreign <c>Origin</c> gets 403 before CORS
    /// (which would answer its preflight 204) and before authentication (which would answer 401); CORS comes before
    /// authorization so that a 401 to an allowed origin carries the headers the page needs to read it.
    /// </summary>
    public static IApplicationBuilder UseMcpEndpoint(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var checks = app.ApplicationServices.GetRequiredService<McpRequestChecks>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) && checks.CheckOrigin(context.Request) is { } forbidden)
            {
                await forbidden.WriteAsync(context);
                return;
            }
            await next(context);
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapMcpEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, (HttpContext context, StreamableHttpHandler handler) => handler.HandlePostAsync(context))
            .WithName("Mcp")
            .RequireCors(McpCorsPolicyProvider.PolicyName)
            .RequireAuthorization(AgentPolicy)
            .DisableAntiforgery();
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Delete], StreamableHttpHandler.HandleNotAllowedAsync)
            .WithName("McpNotAllowed")
            .RequireCors(McpCorsPolicyProvider.PolicyName);
        return endpoints;
    }
}
