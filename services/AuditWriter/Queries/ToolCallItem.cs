using System.Text.Json;

namespace Platform.AuditWriter.Queries;

/// <summary>One audited tool call; <see cref="Arguments"/> are redacted JSON.</summary>
public sealed record ToolCallItem(
    Guid Id,
    DateTime OccurredAt,
    string AgentId,
    string IdentityId,
    Guid InstallId,
    string Tool,
    string UpstreamTool,
    DateTime StartedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    JsonElement Arguments,
    long BytesIn,
    long BytesOut,
    string? TraceId);
