using Npgsql;
using NpgsqlTypes;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;

namespace Platform.AuditWriter.ModelCalls;

/// <summary>
/// Writes ledger records to <c>usage.model_calls</c> in one statement per batch. Idempotent on the event id alone:
/// a record whose id exists in any month is skipped, so a retried report with a new timestamp is not billed twice.
/// </summary>
public sealed class ModelCallStore(NpgsqlDataSource dataSource, PartitionMaintenance partitions) : IBatchStore<ModelCallRecord>
{
    private const string Insert = """
        INSERT INTO usage.model_calls (id, occurred_at, tenant_id, agent_id, subject_id, model, provider,
            input_tokens, output_tokens, cached_tokens, cost, latency_ms, request_id, agent_slug, identity_name)
        SELECT DISTINCT ON (batch.id) batch.id, batch.occurred_at, batch.tenant_id, batch.agent_id, batch.subject_id, batch.model,
            batch.provider, batch.input_tokens, batch.output_tokens, batch.cached_tokens, batch.cost, batch.latency_ms, batch.request_id,
            batch.agent_slug, batch.identity_name
        FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
            $8::bigint[], $9::bigint[], $10::bigint[], $11::numeric[], $12::bigint[], $13::text[], $14::text[], $15::text[])
            AS batch(id, occurred_at, tenant_id, agent_id, subject_id, model, provider,
            input_tokens, output_tokens, cached_tokens, cost, latency_ms, request_id, agent_slug, identity_name)
        WHERE NOT EXISTS (SELECT 1 FROM usage.model_calls existing WHERE existing.id = batch.id)
        ORDER BY batch.id, batch.occurred_at
        ON CONFLICT DO NOTHING
        """;

    public Task WriteAsync(IReadOnlyList<ModelCallRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PartitionedInsert.ExecuteAsync(
            dataSource, partitions, PartitionedTable.ModelCalls, records.Select(r => r.OccurredAt), parameters => Bind(parameters, records), Insert, cancellationToken);
    }

    private static void Bind(NpgsqlParameterCollection parameters, IReadOnlyList<ModelCallRecord> records)
    {
        parameters.Add(records, r => r.Id, NpgsqlDbType.Uuid);
        parameters.Add(records, r => r.OccurredAt, NpgsqlDbType.TimestampTz);
        parameters.Add(records, r => r.TenantId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.AgentId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.SubjectId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.Model, NpgsqlDbType.Text);
        parameters.Add(records, r => r.Provider, NpgsqlDbType.Text);
        parameters.Add(records, r => r.InputTokens, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.OutputTokens, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.CachedTokens, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.Cost, NpgsqlDbType.Numeric);
        parameters.Add(records, r => r.LatencyMs, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.RequestId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.AgentSlug, NpgsqlDbType.Text);
        parameters.Add(records, r => r.IdentityName, NpgsqlDbType.Text);
    }
}
