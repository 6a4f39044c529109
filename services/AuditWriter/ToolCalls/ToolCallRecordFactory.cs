using System.Text.Json;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// Validates a <see cref="ToolCallCompleted"/> and redacts it once more (defense in depth: the edge already did,
/// with the same rules and key, so its markers pass through unchanged and anything it missed is caught here).
/// An empty install id is kept: the platform's own tools run on no install.
/// </summary>
public sealed class ToolCallRecordFactory(SecretRedactor redactor, PartitionMaintenance partitions, TimeProvider timeProvider)
{
    /// <summary>Arguments longer than this (after redaction) are stored as a preview.</summary>
    public const int MaxArgumentsLength = 64 * 1024;

    public const int PreviewLength = 4 * 1024;

    private const string EventName = nameof(ToolCallCompleted);

    public ToolCallRecord Create(ToolCallCompleted message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Id;
        RecordRules.RequireId(id, EventName);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var occurredAt = RecordRules.Instant(message.OccurredAt, "occurredAt", now, EventName, id);
        RecordRules.RequireRetained(occurredAt, partitions.Cutoff(PartitionedTable.ToolCalls, now), EventName, id);
        return new ToolCallRecord(
            id,
            occurredAt,
            RecordRules.Identifier(message.TenantId, "tenantId", EventName, id),
            RecordRules.Identifier(message.AgentId, "agentId", EventName, id),
            RecordRules.Identifier(message.SubjectId, "subjectId", EventName, id, required: false),
            message.InstallId,
            RecordRules.Required(message.ToolName, "toolName", 256, EventName, id),
            RecordRules.Optional(message.UpstreamToolName, "upstreamToolName", 256, EventName, id) ?? string.Empty,
            RecordRules.Instant(message.StartedAt, "startedAt", now, EventName, id),
            RecordRules.NotNegative(message.DurationMs, "durationMs", EventName, id),
            RecordRules.Required(message.Outcome, "outcome", 32, EventName, id).Trim().ToLowerInvariant(),
            RedactOptional(RecordRules.Optional(message.ErrorClass, "errorClass", 512, EventName, id)),
            Arguments(message.RedactedArguments ?? "null"),
            RecordRules.NotNegative(message.BytesIn, "bytesIn", EventName, id),
            RecordRules.NotNegative(message.BytesOut, "bytesOut", EventName, id),
            RecordRules.Optional(message.TraceId, "traceId", 64, EventName, id));
    }

    private string? RedactOptional(string? text) => text is null ? null : redactor.RedactText(text);

    /// <summary>Redacted JSON; an oversized document is kept as a redacted preview so the row stays small.</summary>
    private string Arguments(string arguments)
    {
        var redacted = JsonbText.WithoutNul(redactor.RedactJson(arguments));
        if (redacted.Length <= MaxArgumentsLength)
        {
            return redacted;
        }
        return JsonSerializer.Serialize(new TruncatedArguments(true, redacted.Length, redacted[..PreviewLength]), JsonSerializerOptions.Web);
    }

    private sealed record TruncatedArguments(bool Truncated, int Length, string Preview);
}
