namespace Platform.Contracts;

/// <summary>
/// A batch of finished tool calls published by the MCP edge as one bus message (the only message type on queue
/// <c>tool-call-audit</c>), so the per-message cost of the broker and the consumer is shared by many calls. Each call
/// keeps its own event id, so redelivery and idempotency work per call: a batch delivered twice, or a call that
/// appears again in another batch (a journal replay), is stored once. The calls are in the order they finished.
/// </summary>
/// <param name="Calls">The calls, arguments already redacted; at most the edge's <c>MaxCallsPerMessage</c>.</param>
public sealed record ToolCallCompletedBatch(IReadOnlyList<ToolCallCompleted> Calls);
