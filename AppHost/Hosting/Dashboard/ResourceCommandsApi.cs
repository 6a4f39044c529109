using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Hosting;

/// <summary>
/// <c>POST /api/resources/{resource}/commands/{stop|start|restart}</c>, only with the dashboard's login token
/// (<c>Authorization: Bearer {token}</c>, printed by the AppHost and kept in <c>endpoints.json</c>). Listening on
/// loopback is not enough: any local process, or an upstream URL a tenant aims at loopback, could otherwise stop a
/// service for everyone.
/// </summary>
internal static class ResourceCommandsApi
{
    /// <summary>A browser cannot send a custom header cross-site without a CORS preflight, which the dashboard never grants.</summary>
    public const string RequiredHeader = "X-Platform-Command";

    public static RouteHandlerBuilder MapResourceCommandsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/resources/{resource}/commands/{command}", ExecuteAsync);

    public static async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        string resource, string command, HttpRequest request, IResourceCommands commands, DashboardLogin login, CancellationToken cancellationToken)
    {
        if (!login.Accepts(request))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Dashboard login required",
                detail: "Resource commands need the dashboard's login token (printed by the AppHost at start, and in endpoints.json) as 'Authorization: Bearer <token>'.");
        }
        if (!request.Headers.ContainsKey(RequiredHeader))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing command header",
                detail: $"Commands need the {RequiredHeader} header.");
        }
        if (!IResourceCommands.Names.Contains(command))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown command",
                detail: $"Commands are: {string.Join(", ", IResourceCommands.Names)}.");
        }
        return await commands.ExecuteAsync(resource, command, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown resource", detail: $"No resource is named '{resource}'.");
    }
}
