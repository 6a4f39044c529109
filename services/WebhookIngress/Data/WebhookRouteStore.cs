using Npgsql;
using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Data;

/// <summary>Routes in <c>webhooks.routes</c>; every query is confined to one tenant.</summary>
public sealed class WebhookRouteStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, tenant_id, slug, space_id, scheme, secret_id, requester_identity, credential_subject,
        max_payload_bytes, timestamp_tolerance_seconds, enabled, created_at, updated_at, credential_subject_id
        """;

    /// <summary>Inserts the route; false when the tenant already has a route with that slug.</summary>
    public async Task<bool> CreateAsync(WebhookRoute route, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(route);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO webhooks.routes ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (tenant_id, slug) DO NOTHING
            """);
        AddParameters(command, route.Id, route.TenantId, route.Slug, route.SpaceId, route.Scheme, route.SecretId,
            route.RequesterIdentity, route.CredentialSubject, route.MaxPayloadBytes, route.TimestampToleranceSeconds,
            route.Enabled, route.CreatedAt, route.UpdatedAt, route.CredentialSubjectId);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public Task<WebhookRoute?> FindAsync(Guid tenantId, Guid routeId, CancellationToken ct) =>
        SingleAsync($"SELECT {Columns} FROM webhooks.routes WHERE tenant_id = $1 AND id = $2", ct, tenantId, routeId);

    public Task<WebhookRoute?> FindBySlugAsync(Guid tenantId, string slug, CancellationToken ct) =>
        SingleAsync($"SELECT {Columns} FROM webhooks.routes WHERE tenant_id = $1 AND slug = $2", ct, tenantId, slug);

    public async Task<IReadOnlyList<WebhookRoute>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM webhooks.routes WHERE tenant_id = $1 ORDER BY slug");
        AddParameters(command, tenantId);
        return await ReadAllAsync(command, ct);
    }

    public Task<WebhookRoute?> UpdateAsync(Guid tenantId, Guid routeId, RouteSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SingleAsync($"""
            UPDATE webhooks.routes
            SET space_id = $3, requester_identity = $4, credential_subject = $5, max_payload_bytes = $6,
                timestamp_tolerance_seconds = $7, enabled = $8, updated_at = $9, credential_subject_id = $10
            WHERE tenant_id = $1 AND id = $2
            RETURNING {Columns}
            """, ct, tenantId, routeId, settings.SpaceId, settings.RequesterIdentity, settings.CredentialSubject,
            settings.MaxPayloadBytes, settings.TimestampToleranceSeconds, settings.Enabled, now, settings.CredentialSubjectId);
    }

    /// <summary>Points the route at a new secret handle; returns the route as it was before (with the old handle), or null.</summary>
    public Task<WebhookRoute?> ReplaceSecretAsync(Guid tenantId, Guid routeId, Guid secretId, DateTimeOffset now, CancellationToken ct) =>
        SingleAsync($"""
            UPDATE webhooks.routes AS updated SET secret_id = $3, updated_at = $4
            FROM webhooks.routes AS previous
            WHERE updated.tenant_id = $1 AND updated.id = $2 AND previous.id = updated.id
            RETURNING {string.Join(", ", Columns.Split(',').Select(column => "previous." + column.Trim()))}
            """, ct, tenantId, routeId, secretId, now);

    /// <summary>Deletes the route; returns it (for its secret handle), or null when there was none.</summary>
    public Task<WebhookRoute?> DeleteAsync(Guid tenantId, Guid routeId, CancellationToken ct) =>
        SingleAsync($"DELETE FROM webhooks.routes WHERE tenant_id = $1 AND id = $2 RETURNING {Columns}", ct, tenantId, routeId);

    private async Task<WebhookRoute?> SingleAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddParameters(command, values);
        var routes = await ReadAllAsync(command, ct);
        return routes.Count == 0 ? null : routes[0];
    }

    private static async Task<IReadOnlyList<WebhookRoute>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var routes = new List<WebhookRoute>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            routes.Add(new WebhookRoute(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8),
                reader.GetInt32(9),
                reader.GetBoolean(10),
                reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetGuid(13)));
        }
        return routes;
    }

    private static void AddParameters(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
