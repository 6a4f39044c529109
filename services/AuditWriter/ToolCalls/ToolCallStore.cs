using Npgsql;
using NpgsqlTypes;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// Writes tool-call records to <c>audit.tool_calls</c> with one multi-row INSERT over <c>unnest</c>ed arrays (one
/// round trip, binary parameters). ON CONFLICT DO NOTHING on (id, occurred_at) makes redelivery a no-op.
/// </summary>
public sealed class ToolCallStore(NpgsqlDataSource dataSource, PartitionMaintenance partitions) : IBatchStore<ToolCallRecord>
{
    private const string Insert = """
        INSERT INTO audit.tool_calls (id, occurred_at, tenant_id, agent_id, subject_id, install_id, kind, tool_name,
            upstream_tool_name, started_at, duration_ms, outcome, error_class, arguments, bytes_in, bytes_out, trace_id,
            altered_fields, agent_slug, identity_name, install_slug)
        SELECT id, occurred_at, tenant_id, agent_id, subject_id, install_id, kind, tool_name,
            upstream_tool_name, started_at, duration_ms, outcome, error_class, arguments::jsonb, bytes_in, bytes_out, trace_id,
            string_to_array(altered_fields, ','), agent_slug, identity_name, install_slug
        FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
            $9::text[], $10::timestamptz[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],
            $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
            AS batch(id, occurred_at, tenant_id, agent_id, subject_id, install_id, kind, tool_name,
            upstream_tool_name, started_at, duration_ms, outcome, error_class, arguments, bytes_in, bytes_out, trace_id,
            altered_fields, agent_slug, identity_name, install_slug)
        ON CONFLICT DO NOTHING
        """;

    public Task WriteAsync(IReadOnlyList<ToolCallRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PartitionedInsert.ExecuteAsync(
            dataSource, partitions, PartitionedTable.ToolCalls, records.Select(r => r.OccurredAt), parameters => Bind(parameters, records), Insert, cancellationToken);
    }

    private static void Bind(NpgsqlParameterCollection parameters, IReadOnlyList<ToolCallRecord> records)
    {
        parameters.Add(records, r => r.Id, NpgsqlDbType.Uuid);
        parameters.Add(records, r => r.OccurredAt, NpgsqlDbType.TimestampTz);
        parameters.Add(records, r => r.TenantId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.AgentId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.SubjectId, NpgsqlDbType.Text);
        parameters.Add(records, r => r.InstallId, NpgsqlDbType.Uuid);
        parameters.Add(records, r => r.Kind, NpgsqlDbType.Text);
        parameters.Add(records, r => r.ToolName, NpgsqlDbType.Text);
        parameters.Add(records, r => r.UpstreamToolName, NpgsqlDbType.Text);
        parameters.Add(records, r => r.StartedAt, NpgsqlDbType.TimestampTz);
        parameters.Add(records, r => r.DurationMs, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.Outcome, NpgsqlDbType.Text);
        parameters.Add(records, r => r.ErrorClass, NpgsqlDbType.Text);
        parameters.Add(records, r => r.Arguments, NpgsqlDbType.Text);
        parameters.Add(records, r => r.BytesIn, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.BytesOut, NpgsqlDbType.Bigint);
        parameters.Add(records, r => r.TraceId, NpgsqlDbType.Text);
        // A text[] per row cannot travel through unnest (it flattens), so the field names travel joined; none has a comma.
        parameters.Add(records, r => string.Join(',', r.AlteredFields), NpgsqlDbType.Text);
        parameters.Add(records, r => r.AgentSlug, NpgsqlDbType.Text);
        parameters.Add(records, r => r.IdentityName, NpgsqlDbType.Text);
        parameters.Add(records, r => r.InstallSlug, NpgsqlDbType.Text);
    }
}
