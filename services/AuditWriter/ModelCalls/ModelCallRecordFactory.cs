using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.AuditWriter.ModelCalls;

/// <summary>Validates a <see cref="ModelUsageRecorded"/> before it enters the ledger.</summary>
public sealed class ModelCallRecordFactory(SecretRedactor redactor, PartitionMaintenance partitions, TimeProvider timeProvider)
{
    /// <summary>numeric(20, 8) holds up to 10^12; no single call costs anywhere near that.</summary>
    public const decimal MaxCost = 1_000_000m;

    private const string EventName = nameof(ModelUsageRecorded);

    public ModelCallRecord Create(ModelUsageRecorded message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Id;
        RecordRules.RequireId(id, EventName);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var occurredAt = RecordRules.Instant(message.OccurredAt, "occurredAt", now, EventName, id);
        RecordRules.RequireRetained(occurredAt, partitions.Cutoff(PartitionedTable.ModelCalls, now), EventName, id);
        if (message.Cost is < 0 or > MaxCost)
        {
            throw new RejectedRecordException($"{EventName} {id}: cost is outside 0..{MaxCost}.");
        }
        if (message.CachedTokens > message.InputTokens)
        {
            throw new RejectedRecordException($"{EventName} {id}: cachedTokens exceeds inputTokens.");
        }
        return new ModelCallRecord(
            id,
            occurredAt,
            RecordRules.Identifier(message.TenantId, "tenantId", EventName, id),
            RecordRules.Identifier(message.AgentId, "agentId", EventName, id),
            RecordRules.Identifier(message.SubjectId, "subjectId", EventName, id, required: false) is { Length: > 0 } subject ? subject : null,
            RecordRules.Required(message.Model, "model", 200, EventName, id),
            RecordRules.Optional(message.Provider, "provider", 100, EventName, id),
            RecordRules.NotNegative(message.InputTokens, "inputTokens", EventName, id),
            RecordRules.NotNegative(message.OutputTokens, "outputTokens", EventName, id),
            RecordRules.NotNegative(message.CachedTokens, "cachedTokens", EventName, id),
            decimal.Round(message.Cost, 8),
            message.LatencyMs is { } latency ? RecordRules.NotNegative(latency, "latencyMs", EventName, id) : null,
            RecordRules.Optional(message.RequestId, "requestId", 200, EventName, id),
            Name(message.AgentSlug, CallerNames.MaxAgentSlugLength),
            Name(message.IdentityName, CallerNames.MaxIdentityNameLength));
    }

    /// <summary>
    /// A caller's name never costs a model call its place in the ledger: it is stored in a safe form within the
    /// registry's limits (as tool calls store theirs), redacted like every free text.
    /// </summary>
    private string? Name(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : StorableText.From(redactor.RedactText(value.Trim()), maxLength, out _);
}
