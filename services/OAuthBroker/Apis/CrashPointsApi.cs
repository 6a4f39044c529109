using Microsoft.Extensions.Options;
using Platform.OAuthBroker.Faults;
using Platform.ServiceDefaults;

namespace Platform.OAuthBroker.Apis;

/// <summary>
/// <c>POST /internal/oauth/crash-points/{name}</c>: arms a crash point in this process (the crash tests call one
/// replica directly). Mapped only when <c>OAuthBroker:CrashPoints:Enabled</c> is set, which start-up refuses outside
/// Development; never routed by the gateway.
/// </summary>
public static class CrashPointsApi
{
    public static IEndpointRouteBuilder MapCrashPointsApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<CrashPointOptions>>().Value.Enabled)
        {
            return app;
        }
        app.MapPost("/internal/oauth/crash-points/{name}", (string name, CrashPoints points) =>
        {
            if (!CrashPoints.Known.Contains(name))
            {
                return Results.Problem(title: "No crash point with this name.", detail: $"Known: {string.Join(", ", CrashPoints.Known)}.", statusCode: StatusCodes.Status404NotFound);
            }
            points.Arm(name);
            return Results.NoContent();
        }).RequireServiceCaller(ServiceNames.McpEdge).ExcludeFromDescription();
        return app;
    }
}
