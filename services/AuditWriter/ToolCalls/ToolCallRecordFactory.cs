using System.Text.Json;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// Validates a <see cref="ToolCallCompleted"/> and redacts it once more (defense in depth: the edge already did,
/// with the same rules and key, so its markers pass through unchanged and anything it missed is caught here).
/// Only what makes a row impossible or meaningless is refused: no id, no tenant or agent to file it under, a time
/// outside any partition. Every other value that cannot be stored as given (empty or over-long names, NUL, unpaired
/// surrogates, numbers <c>jsonb</c> cannot hold, negative counts) is stored in a safe form and named in
/// <see cref="ToolCallRecord.AlteredFields"/>, so no caller can make its own call vanish from the audit.
/// An empty install id is kept: the platform's own tools run on no install.
/// </summary>
public sealed class ToolCallRecordFactory(SecretRedactor redactor, PartitionMaintenance partitions, TimeProvider timeProvider)
{
    /// <summary>Arguments longer than this (after redaction) are stored as a preview.</summary>
    public const int MaxArgumentsLength = 64 * 1024;

    public const int PreviewLength = 4 * 1024;

    public const int MaxNameLength = 256;

    /// <summary>The kind of a call from a publisher that predates <see cref="ToolCallCompleted.Kind"/>.</summary>
    public const string DefaultKind = ToolCallKinds.Tool;

    /// <summary>Stored when a call arrives without an outcome.</summary>
    public const string UnknownOutcome = "unknown";

    private const string EventName = nameof(ToolCallCompleted);

    public ToolCallRecord Create(ToolCallCompleted message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Id;
        RecordRules.RequireId(id, EventName);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var occurredAt = RecordRules.Instant(message.OccurredAt, "occurredAt", now, EventName, id);
        RecordRules.RequireRetained(occurredAt, partitions.Cutoff(PartitionedTable.ToolCalls, now), EventName, id);
        var fields = new StorableFields();
        return new ToolCallRecord(
            id,
            occurredAt,
            RecordRules.Identifier(message.TenantId, "tenantId", EventName, id),
            RecordRules.Identifier(message.AgentId, "agentId", EventName, id),
            RecordRules.Identifier(message.SubjectId, "subjectId", EventName, id, required: false),
            message.InstallId,
            string.IsNullOrWhiteSpace(message.Kind) ? DefaultKind : fields.Text(message.Kind.Trim().ToLowerInvariant(), "kind", 32)!,
            fields.Text(message.ToolName ?? string.Empty, "toolName", MaxNameLength)!,
            fields.Text(message.UpstreamToolName ?? string.Empty, "upstreamToolName", MaxNameLength)!,
            RecordRules.Instant(message.StartedAt, "startedAt", now, EventName, id),
            fields.NotNegative(message.DurationMs, "durationMs"),
            fields.Required(message.Outcome?.Trim().ToLowerInvariant(), "outcome", 32, UnknownOutcome),
            fields.Text(message.ErrorClass is null ? null : redactor.RedactText(message.ErrorClass), "errorClass", 512),
            Arguments(message.RedactedArguments ?? "null", fields),
            fields.NotNegative(message.BytesIn, "bytesIn"),
            fields.NotNegative(message.BytesOut, "bytesOut"),
            fields.Text(message.TraceId, "traceId", 64),
            Name(message.AgentSlug, "agentSlug", CallerNames.MaxAgentSlugLength, fields),
            Name(message.IdentityName, "identityName", CallerNames.MaxIdentityNameLength, fields),
            Name(message.InstallSlug, "installSlug", CallerNames.MaxInstallSlugLength, fields),
            fields.Altered);
    }

    /// <summary>A caller's name: not a secret, but redacted like every free text, and kept within the registry's limits.</summary>
    private string? Name(string? value, string field, int maxLength, StorableFields fields) =>
        string.IsNullOrWhiteSpace(value) ? null : fields.Text(redactor.RedactText(value.Trim()), field, maxLength);

    /// <summary>
    /// Redacted JSON that <c>jsonb</c> accepts; an oversized document is kept as a redacted preview so the row stays
    /// small. Made storable before redaction too, since the JSON reader refuses unpaired surrogate escapes.
    /// </summary>
    private string Arguments(string arguments, StorableFields fields)
    {
        var readable = StorableJson.From(arguments, out var alteredBefore);
        var redacted = StorableJson.From(redactor.RedactJson(readable), out var alteredAfter);
        fields.Mark("arguments", alteredBefore || alteredAfter);
        if (redacted.Length <= MaxArgumentsLength)
        {
            return redacted;
        }
        fields.Mark("arguments", true);
        var preview = StorableText.From(redacted, PreviewLength, out _);
        return JsonSerializer.Serialize(new TruncatedArguments(true, redacted.Length, preview), JsonSerializerOptions.Web);
    }

    private sealed record TruncatedArguments(bool Truncated, int Length, string Preview);
}
