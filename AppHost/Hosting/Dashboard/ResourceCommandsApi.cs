using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Hosting;

/// <summary><c>POST /api/resources/{resource}/commands/{stop|start|restart}</c>.</summary>
internal static class ResourceCommandsApi
{
    /// <summary>A browser cannot send a custom header cross-site without a CORS preflight, which the dashboard never grants.</summary>
    public const string RequiredHeader = "X-Platform-Command";

    public static RouteHandlerBuilder MapResourceCommandsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/resources/{resource}/commands/{command}", ExecuteAsync);

    public static async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        string resource, string command, HttpRequest request, IResourceCommands commands, CancellationToken cancellationToken)
    {
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
