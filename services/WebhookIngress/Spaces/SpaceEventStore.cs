using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;

namespace Platform.WebhookIngress.Spaces;

/// <summary><c>webhooks.space_events</c>: what was delivered to each Space, once per event id.</summary>
public sealed class SpaceEventStore(NpgsqlDataSource dataSource)
{
    public const int MaxPageSize = 200;

    /// <summary>Records the delivery; a redelivery of the same event id only counts itself. True for the first delivery.</summary>
    public async Task<bool> RecordAsync(WebhookReceived message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO webhooks.space_events (event_id, tenant_id, space_id, route_id, route_slug, scheme, sender_event_id,
                                               requester_identity, credential_subject, headers, payload, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)
            ON CONFLICT (event_id) DO UPDATE SET redeliveries = webhooks.space_events.redeliveries + 1
            RETURNING redeliveries = 0
            """);
        foreach (var value in new object?[]
        {
            message.Id, Guid.Parse(message.TenantId), Guid.Parse(message.SpaceId), Guid.Parse(message.RouteId), message.RouteSlug,
            message.Scheme, message.SenderEventId, message.RequesterIdentity, message.CredentialSubject,
            JsonSerializer.Serialize(message.Headers), Encoding.UTF8.GetBytes(message.Payload),
            new DateTimeOffset(DateTime.SpecifyKind(message.OccurredAt, DateTimeKind.Utc)),
        })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The Space's most recent events, newest first; <paramref name="before"/> pages back from an event id.</summary>
    public async Task<IReadOnlyList<SpaceEvent>> ListRecentAsync(Guid tenantId, Guid spaceId, int limit, Guid? before, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT event_id, space_id, route_id, route_slug, scheme, sender_event_id, requester_identity, credential_subject,
                   headers::text, payload, received_at, delivered_at
            FROM webhooks.space_events
            WHERE tenant_id = $1 AND space_id = $2
              AND ($4::uuid IS NULL OR (received_at, event_id) < (SELECT received_at, event_id FROM webhooks.space_events
                                                                  WHERE event_id = $4 AND tenant_id = $1))
            ORDER BY received_at DESC, event_id DESC
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = spaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, MaxPageSize) });
        command.Parameters.Add(new NpgsqlParameter { Value = before.HasValue ? before.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        var events = new List<SpaceEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            events.Add(new SpaceEvent(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? [],
                Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(9)),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return events;
    }
}
