using System.Text.Json;
using ModelContextProtocol.Protocol;
using Platform.Contracts;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Audit;

/// <summary>
/// One finished tools/call (or other forwarded request: <see cref="Kind"/>) as the data path hands it over: raw
/// arguments, the credential values the call used and the result. Redaction and sizing happen later, off the data path; this object never leaves memory.
/// </summary>
public sealed record ToolCallRecord(
    EdgeCaller Caller,
    Guid SourceId,
    string ToolName,
    string UpstreamToolName,
    DateTime StartedAt,
    DateTime FinishedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    IDictionary<string, JsonElement>? Arguments,
    IReadOnlyList<string> CredentialValues,
    CallToolResult? Result,
    string? TraceId)
{
    public const string Success = ToolCallOutcomes.Success;
    public const string ToolError = ToolCallOutcomes.ToolError;
    public const string Failed = ToolCallOutcomes.Failed;
    public const string Rejected = ToolCallOutcomes.Rejected;
    public const string Cancelled = ToolCallOutcomes.Cancelled;

    /// <summary>What was forwarded (<see cref="ToolCallKinds"/>).</summary>
    public string Kind { get; init; } = ToolCallKinds.Tool;

    /// <summary>The namespace of the source the call went to (an install's slug, <c>agent.&lt;slug&gt;</c>), as it was then; null when none.</summary>
    public string? SourceNamespace { get; init; }

    /// <summary>The answer of a forwarded request other than tools/call (measured, never stored).</summary>
    public object? ForwardedResult { get; init; }

    public override string ToString() => $"ToolCallRecord {{ Kind = {Kind}, Tool = {ToolName}, Outcome = {Outcome} }}";
}
