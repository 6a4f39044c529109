using System.Text.Json;
using Npgsql;

namespace Platform.AuditWriter.Queries;

/// <summary>Reads <c>audit.tool_calls</c>, always within one tenant.</summary>
public sealed class ToolCallQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Newest first; keyset pagination on (occurred_at, id), so pages stay stable while rows arrive.</summary>
    public async Task<Page<ToolCallItem>> ListAsync(ToolCallFilter filter, PageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = filter.ToConditions();
        if (after is { } cursor)
        {
            var occurredAt = conditions.Parameter(cursor.OccurredAt);
            // The plain bound lets PostgreSQL skip newer partitions; the row comparison is the exact keyset step.
            conditions.Add($"occurred_at <= {occurredAt}").Add($"(occurred_at, id) < ({occurredAt}, {conditions.Parameter(cursor.Id)})");
        }
        var sql = $"""
            SELECT id, occurred_at, agent_id, subject_id, install_id, kind, tool_name, upstream_tool_name, started_at,
                   duration_ms, outcome, error_class, arguments::text, bytes_in, bytes_out, trace_id, altered_fields,
                   agent_slug, identity_name, install_slug
            FROM audit.tool_calls
            {conditions.Where}
            ORDER BY occurred_at DESC, id DESC
            LIMIT {conditions.Parameter(limit + 1)}
            """;
        await using var command = conditions.CreateCommand(dataSource, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ToolCallItem>(limit + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ToolCallItem(
                reader.GetGuid(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetDateTime(8), reader.GetInt64(9),
                reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), ParseJson(reader.GetString(12)),
                reader.GetInt64(13), reader.GetInt64(14), reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.GetFieldValue<string[]>(16), NullableString(reader, 17), NullableString(reader, 18), NullableString(reader, 19)));
        }
        return Page<ToolCallItem>.From(items, limit, item => new PageCursor(item.OccurredAt, item.Id));
    }

    /// <summary>Per tool: calls, calls whose outcome is not <c>success</c>, and p50/p95 duration (interpolated).</summary>
    public async Task<IReadOnlyList<ToolSummary>> SummarizeAsync(ToolCallFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = filter.ToConditions();
        var sql = $"""
            SELECT tool_name,
                   count(*) AS calls,
                   count(*) FILTER (WHERE outcome <> 'success') AS errors,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
            FROM audit.tool_calls
            {conditions.Where}
            GROUP BY tool_name
            ORDER BY calls DESC, tool_name
            LIMIT 1000
            """;
        await using var command = conditions.CreateCommand(dataSource, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tools = new List<ToolSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var calls = reader.GetInt64(1);
            var errors = reader.GetInt64(2);
            tools.Add(new ToolSummary(reader.GetString(0), calls, errors, Math.Round((double)errors / calls, 4), reader.GetDouble(3), reader.GetDouble(4)));
        }
        return tools;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
