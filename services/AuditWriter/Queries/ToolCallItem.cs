using System.Text.Json;

namespace Platform.AuditWriter.Queries;

/// <summary>
/// One audited forwarded request (<see cref="Kind"/>: a tool call, resource read, prompt...); <see cref="Arguments"/>
/// are redacted JSON. <see cref="AlteredFields"/> names the fields stored in a safe form instead of as given. The
/// slugs and the identity name are as they were at the time of the call (null in rows written before they were kept).
/// </summary>
public sealed record ToolCallItem(
    Guid Id,
    DateTime OccurredAt,
    string AgentId,
    string IdentityId,
    Guid InstallId,
    string Kind,
    string Tool,
    string UpstreamTool,
    DateTime StartedAt,
    long DurationMs,
    string Outcome,
    string? ErrorClass,
    JsonElement Arguments,
    long BytesIn,
    long BytesOut,
    string? TraceId,
    IReadOnlyList<string> AlteredFields,
    string? AgentSlug,
    string? IdentityName,
    string? InstallSlug);
