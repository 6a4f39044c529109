using Platform.Contracts;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>One message for the error queue: rejected calls that share one reason, and that reason.</summary>
public sealed record ParkedCalls(string Reason, ToolCallCompletedBatch Message);
