using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationRegistry.Client;
using Platform.ServiceDefaults.Http;
using Platform.WebhookIngress.Spaces;

namespace Platform.WebhookIngress.Apis;

/// <summary>What arrived in a Space: <c>GET /api/webhooks/spaces/{spaceId}/events</c>, newest first (admin key; own tenant only).</summary>
public static class SpaceEventsApi
{
    public const int DefaultLimit = 50;

    public static RouteGroupBuilder MapSpaceEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks/spaces")
            .RequireAuthorization(AdminApi.Policy)
            .WithTags("Space events")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{spaceId:guid}/events", ListEventsAsync).WithName("ListSpaceEvents")
            .WithSummary("Recent events delivered to the Space; page back with before={eventId}.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<SpaceEventResponse>>, ValidationProblem, ProblemHttpResult>> ListEventsAsync(
        Guid spaceId, ClaimsPrincipal user, RegistryClient registry, SpaceEventStore store, CancellationToken ct, string? limit = null, string? before = null)
    {
        if (!QueryLimit.TryParse(limit, DefaultLimit, SpaceEventStore.MaxPageSize, out var pageSize, out var limitError))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [limitError] });
        }
        Guid? beforeId = null;
        if (before is not null)
        {
            if (!Guid.TryParse(before, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["Must be the id (a GUID) of an event in this Space."] });
            }
            beforeId = parsed;
        }
        var tenantId = user.TenantId();
        if (await registry.GetSpaceAsync(tenantId, spaceId, ct) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Space not found");
        }
        var events = await store.ListRecentAsync(tenantId, spaceId, pageSize, beforeId, ct);
        return TypedResults.Ok<IReadOnlyList<SpaceEventResponse>>([.. events.Select(SpaceEventResponse.From)]);
    }
}
