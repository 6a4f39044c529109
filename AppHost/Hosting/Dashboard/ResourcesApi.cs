using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Hosting;

/// <summary>The dashboard's JSON and event-stream API over the <see cref="ResourceStateStore"/>.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources");
        api.MapGet("", GetResources);
        api.MapGet("/stream", StreamResources);
        api.MapGet("/{name}/environment", GetEnvironment);
        api.MapGet("/{name}/logs", StreamLogs);
        return api;
    }

    public static Ok<IReadOnlyList<ResourceSnapshot>> GetResources(ResourceStateStore store) =>
        TypedResults.Ok(store.Snapshot());

    /// <summary>The whole snapshot at once, then again after every change (coalesced).</summary>
    public static EventStreamResult<IReadOnlyList<ResourceSnapshot>> StreamResources(ResourceStateStore store) =>
        new(cancellationToken => ResourceChanges.WatchAsync(store, cancellationToken), DashboardJsonContext.Default.IReadOnlyListResourceSnapshot);

    /// <summary>Secret values are masked here: the real value never leaves the AppHost.</summary>
    public static Results<Ok<IReadOnlyList<EnvironmentVariableView>>, ProblemHttpResult> GetEnvironment(string name, ResourceStateStore store)
    {
        if (store.Find(name) is not { } instance)
        {
            return UnknownResource(name);
        }
        IReadOnlyList<EnvironmentVariableView> variables = [.. instance.Environment.Select(e => new EnvironmentVariableView(e.Name, e.DisplayValue))];
        return TypedResults.Ok(variables);
    }

    /// <summary>The retained console lines, then each new one until the client goes away.</summary>
    public static Results<EventStreamResult<LogLine>, ProblemHttpResult> StreamLogs(string name, ResourceStateStore store) =>
        store.Find(name) is { } instance
            ? new EventStreamResult<LogLine>(instance.FollowLogsAsync, DashboardJsonContext.Default.LogLine)
            : UnknownResource(name);

    private static ProblemHttpResult UnknownResource(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown resource", detail: $"No resource instance is named '{name}'.");
}
