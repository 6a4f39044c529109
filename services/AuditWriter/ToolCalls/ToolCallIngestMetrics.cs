using System.Diagnostics.Metrics;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// The tool-call stream's counters on the service's meter (<c>AuditWriter</c>): messages consumed, calls accepted
/// (stored, or already there) and rejected (parked in <c>tool-call-audit_error</c>), and empty messages.
/// </summary>
public sealed class ToolCallIngestMetrics : IDisposable
{
    public const string MeterName = "AuditWriter";

    private readonly Meter _meter;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _emptyMessages;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;

    public ToolCallIngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _messages = _meter.CreateCounter<long>("audit_writer.tool_call_messages", unit: "{message}", description: "ToolCallCompletedBatch messages consumed and acknowledged.");
        _emptyMessages = _meter.CreateCounter<long>("audit_writer.tool_call_messages.empty", unit: "{message}", description: "ToolCallCompletedBatch messages that held no calls (acknowledged, nothing stored).");
        _accepted = _meter.CreateCounter<long>("audit_writer.tool_calls.accepted", unit: "{call}", description: "Tool calls committed to audit.tool_calls (or found there already: a redelivery).");
        _rejected = _meter.CreateCounter<long>("audit_writer.tool_calls.rejected", unit: "{call}", description: "Tool calls that can never be stored, parked in tool-call-audit_error with their reason: each one is missing from the audit (an alarm).");
    }

    public void Consumed(int accepted, int rejected)
    {
        _messages.Add(1);
        _accepted.Add(accepted);
        _rejected.Add(rejected);
    }

    public void Empty()
    {
        _messages.Add(1);
        _emptyMessages.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
