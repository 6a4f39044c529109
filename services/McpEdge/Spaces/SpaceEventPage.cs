namespace Platform.McpEdge.Spaces;

/// <summary>One page of a Space's events, newest first, as webhook-ingress answers it; <see cref="More"/> when older ones match.</summary>
public sealed record SpaceEventPage(IReadOnlyList<SpaceEventItem> Events, bool More);
