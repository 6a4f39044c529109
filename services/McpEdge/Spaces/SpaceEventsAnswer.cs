namespace Platform.McpEdge.Spaces;

/// <summary>A page of a Space's events as an agent gets it: newest first, and the cursor for older ones when there are more.</summary>
public sealed record SpaceEventsAnswer(string Space, string Name, string Scope, IReadOnlyList<SpaceEventItem> Events, string? NextCursor)
{
    public object ToJson() => new
    {
        space = Space,
        name = Name,
        scope = Scope,
        events = Events.Select(e => e.ToAgentView()).ToList(),
        nextCursor = NextCursor,
    };
}
