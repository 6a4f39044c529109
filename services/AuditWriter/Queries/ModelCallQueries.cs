using Npgsql;

namespace Platform.AuditWriter.Queries;

/// <summary>Reads <c>usage.model_calls</c>, always within one tenant.</summary>
public sealed class ModelCallQueries(NpgsqlDataSource dataSource)
{
    public async Task<Page<ModelCallItem>> ListAsync(ModelCallFilter filter, PageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = filter.ToConditions();
        if (after is { } cursor)
        {
            var occurredAt = conditions.Parameter(cursor.OccurredAt);
            conditions.Add($"occurred_at <= {occurredAt}").Add($"(occurred_at, id) < ({occurredAt}, {conditions.Parameter(cursor.Id)})");
        }
        var sql = $"""
            SELECT id, occurred_at, agent_id, subject_id, model, provider, input_tokens, output_tokens, cached_tokens,
                   cost, latency_ms, request_id, agent_slug, identity_name
            FROM usage.model_calls
            {conditions.Where}
            ORDER BY occurred_at DESC, id DESC
            LIMIT {conditions.Parameter(limit + 1)}
            """;
        await using var command = conditions.CreateCommand(dataSource, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ModelCallItem>(limit + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ModelCallItem(
                reader.GetGuid(0), reader.GetDateTime(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7),
                reader.GetInt64(8), reader.GetDecimal(9), reader.IsDBNull(10) ? null : reader.GetInt64(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }
        return Page<ModelCallItem>.From(items, limit, item => new PageCursor(item.OccurredAt, item.Id));
    }

    /// <summary>Per UTC day, agent and model: calls, tokens and cost, and the agent's slug of its latest call that day; newest day first.</summary>
    public async Task<IReadOnlyList<UsageDay>> SummarizeAsync(ModelCallFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = filter.ToConditions();
        var sql = $"""
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, agent_id, model, count(*),
                   sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(cached_tokens)::bigint, sum(cost),
                   (array_agg(agent_slug ORDER BY occurred_at DESC) FILTER (WHERE agent_slug IS NOT NULL))[1]
            FROM usage.model_calls
            {conditions.Where}
            GROUP BY 1, 2, 3
            ORDER BY 1 DESC, 2, 3
            LIMIT 10000
            """;
        await using var command = conditions.CreateCommand(dataSource, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<UsageDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new UsageDay(
                reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetDecimal(7))
            {
                AgentSlug = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }
        return days;
    }
}
