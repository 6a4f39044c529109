using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.WebhookIngress.Spaces;

namespace Platform.WebhookIngress.Apis;

/// <summary>
/// <c>/internal/tenants/{tenantId}/spaces/{spaceId}/events</c>: a Space's events for the MCP edge, which serves them to
/// the agents the registry granted the Space (the edge checks the grant; this service owns the events). Authenticated
/// by the edge's service credential; never routed by the gateway. Every read is confined to the tenant in the path,
/// and, for a person-scoped grant, to events with no credential subject or whose subject is the given identity.
/// </summary>
public static class InternalSpaceEventsApi
{
    public static IEndpointRouteBuilder MapInternalSpaceEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/tenants/{tenantId:guid}/spaces/{spaceId:guid}/events", ListEventsAsync)
            .RequireServiceCaller(ServiceNames.McpEdge)
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<SpaceEventPage>, ValidationProblem>> ListEventsAsync(
        Guid tenantId, Guid spaceId, SpaceEventStore store, CancellationToken ct,
        int limit = SpaceEventsApi.DefaultLimit, Guid? before = null, DateTimeOffset? since = null, string? type = null,
        bool wholeSpace = false, Guid? subjectId = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (limit is < 1 or >= SpaceEventStore.MaxPageSize)
        {
            errors["limit"] = [$"Must be a whole number from 1 to {SpaceEventStore.MaxPageSize - 1}."];
        }
        if (!wholeSpace && subjectId is null)
        {
            errors["subjectId"] = ["A person-scoped read needs the identity the agent acts for."];
        }
        if (type is { Length: 0 or > SpaceEventTypes.MaxLength })
        {
            errors["type"] = [$"Use 1-{SpaceEventTypes.MaxLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // One more than asked tells whether an older page exists.
        var events = await store.ListAsync(tenantId, spaceId, new SpaceEventQuery(limit + 1, before, since, type, wholeSpace, subjectId), ct);
        return TypedResults.Ok(new SpaceEventPage([.. events.Take(limit).Select(SpaceEventResponse.From)], events.Count > limit));
    }
}
