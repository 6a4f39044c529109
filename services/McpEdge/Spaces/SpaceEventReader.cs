using Platform.McpEdge.Server;

namespace Platform.McpEdge.Spaces;

/// <summary>
/// Reads a granted Space's events for the caller, as the tool and the resource both answer them. A Space that is not
/// granted and one that does not exist look alike (null), so nothing says which Spaces exist.
/// </summary>
public sealed class SpaceEventReader(SpaceGrants grants, IHttpClientFactory factory)
{
    public async Task<SpaceEventsAnswer?> ReadAsync(EdgeCaller caller, string spaceSlug, SpaceEventFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await grants.FindAsync(caller, spaceSlug, ct) is not { } grant)
        {
            return null;
        }
        // A fresh client per use, so the factory's handlers (service credential, discovery) rotate as it intends.
        var events = new SpaceEventsClient(factory.CreateClient(nameof(SpaceEventsClient)));
        var page = await events.ListAsync(caller.TenantId, caller.SubjectId, grant, filter, ct);
        var next = page.More && page.Events.Count > 0 ? SpaceCursor.Encode(page.Events[^1].EventId) : null;
        return new SpaceEventsAnswer(grant.Slug, grant.Name, grant.Scope, page.Events, next);
    }
}
