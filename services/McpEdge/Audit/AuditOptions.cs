namespace Platform.McpEdge.Audit;

/// <summary>How tool-call records travel to the bus (section <c>McpEdge:Audit</c>, checked by <see cref="AuditOptionsValidator"/>).</summary>
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

    /// <summary>
    /// Records taken from the queue (or the journal) per round: what is queued after the <see cref="PublishDelay"/>,
    /// up to this many. A round's records go out as messages of at most <see cref="MaxCallsPerMessage"/> calls, published
    /// concurrently, each confirmed by the broker.
    /// </summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// Calls per <c>ToolCallCompletedBatch</c> message, 1 to 1000. A message also closes at about
    /// <see cref="AuditMessageBatcher.MaxArgumentCharsPerMessage"/> characters of redacted arguments.
    /// </summary>
    public int MaxCallsPerMessage { get; set; } = 100;

    /// <summary>
    /// How long the publisher lets calls gather once one is queued, unless a full message is already waiting. Each
    /// bus message costs the broker and the audit writer far more than a call inside it does, so a short pause turns
    /// a steady stream of calls into few, fuller messages. It delays only the audit record, never a response.
    /// Zero publishes at once.
    /// </summary>
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long the broker has to confirm a round's messages; the calls of an unconfirmed message are journaled.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While the journal holds records, how often the publisher moves newly queued records behind them (the relay
    /// empties the journal; its pace is section <c>McpEdge:Audit:Relay</c>).
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
