using System.Diagnostics.Metrics;

namespace Platform.McpEdge.Audit;

/// <summary>
/// The audit path's counters on the service's meter (<c>McpEdge</c>): records published, journaled and dropped, the
/// bus messages that carried the published ones, plus gauges of the in-memory queue and the journal. "Dropped" is
/// the only loss, and it is never silent.
/// </summary>
public sealed class AuditMetrics : IDisposable
{
    public const string MeterName = "McpEdge";

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _journaled;
    private readonly Counter<long> _dropped;
    private long _droppedTotal;

    public AuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _published = _meter.CreateCounter<long>("mcp_edge.audit.published", unit: "{record}", description: "Tool-call records confirmed by the broker.");
        _messages = _meter.CreateCounter<long>("mcp_edge.audit.messages", unit: "{message}", description: "ToolCallCompletedBatch messages confirmed by the broker (published records / messages = calls per message).");
        _journaled = _meter.CreateCounter<long>("mcp_edge.audit.journaled", unit: "{record}", description: "Tool-call records written to the local journal while the broker was unreachable.");
        _dropped = _meter.CreateCounter<long>("mcp_edge.audit.dropped", unit: "{record}", description: "Tool-call records lost (journal unwritable or unreadable).");
        ToolCalls = _meter.CreateCounter<long>("mcp_edge.tool_calls", unit: "{call}", description: "tools/call requests by outcome.");
        ToolCallDuration = _meter.CreateHistogram<double>("mcp_edge.tool_call.duration", unit: "ms", description: "tools/call duration at the edge.");
    }

    public Counter<long> ToolCalls { get; }

    public Histogram<double> ToolCallDuration { get; }

    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Registers the gauges once the queue and journal exist.</summary>
    public void Observe(Func<long> queued, Func<long> journalPending)
    {
        _meter.CreateObservableGauge("mcp_edge.audit.queued", queued, unit: "{record}", description: "Records waiting in memory.");
        _meter.CreateObservableGauge("mcp_edge.audit.journal_pending", journalPending, unit: "{record}", description: "Records in the journal, not yet published.");
        _meter.CreateObservableGauge("mcp_edge.audit.dropped_total", () => DroppedTotal, unit: "{record}", description: "Records lost since start.");
    }

    public void Published(long records, long messages)
    {
        _published.Add(records);
        _messages.Add(messages);
    }

    public void Journaled(long count) => _journaled.Add(count);

    public void Dropped(long count)
    {
        Interlocked.Add(ref _droppedTotal, count);
        _dropped.Add(count);
    }

    public void Dispose() => _meter.Dispose();
}
