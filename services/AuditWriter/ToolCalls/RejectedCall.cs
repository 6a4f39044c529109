using Platform.Contracts;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// A call of a <see cref="ToolCallCompletedBatch"/> that can never be stored: its place in the message, the call
/// (null when the message held an empty entry) and the reason, which names fields and the event id, never values.
/// </summary>
public sealed record RejectedCall(int Index, ToolCallCompleted? Call, string Reason);
