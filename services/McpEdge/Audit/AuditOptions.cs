namespace Platform.McpEdge.Audit;

/// <summary>How tool-call records travel to the bus (section <c>McpEdge:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "McpEdge:Audit";

    /// <summary>
    /// Folder of the durable journal that holds records while the broker is unreachable (one sub-folder per
    /// instance). Default: <c>mcp-edge-journal</c> under the system's temporary folder.
    /// </summary>
    public string? JournalDirectory { get; set; }

    /// <summary>Records waiting in memory for the publisher; beyond this they go straight to the journal.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Records published at once (concurrently, each confirmed by the broker).</summary>
    public int BatchSize { get; set; } = 100;

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between attempts to empty the journal while the broker stays unreachable.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
