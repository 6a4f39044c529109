namespace Platform.McpEdge.Spaces;

/// <summary>What an agent asks of a Space: at most <paramref name="Limit"/> events older than the cursor's, since a time, of one type.</summary>
public sealed record SpaceEventFilter(int Limit, Guid? Before = null, DateTimeOffset? Since = null, string? Type = null);
