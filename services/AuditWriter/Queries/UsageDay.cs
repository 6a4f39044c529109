namespace Platform.AuditWriter.Queries;

/// <summary>One agent's use of one model on one UTC day; <see cref="Cost"/> is in US dollars.</summary>
public sealed record UsageDay(DateOnly Day, string AgentId, string Model, long Calls, long InputTokens, long OutputTokens, long CachedTokens, decimal Cost)
{
    /// <summary>The agent's slug as its latest call of the day recorded it (null if none did).</summary>
    public string? AgentSlug { get; init; }
}
