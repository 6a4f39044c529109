using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Platform.Contracts;

namespace Platform.WebhookIngress.Spaces;

/// <summary><c>webhooks.space_events</c>: what was delivered to each Space, once per event id.</summary>
public sealed class SpaceEventStore(NpgsqlDataSource dataSource)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Records the deliveries in one statement (one commit); a redelivery of an event id only counts itself. Returns
    /// the ids that were already recorded. The credential subject's identity id is the one the accepted event carries
    /// (this service's own <c>webhooks.events</c>).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecordAsync(IReadOnlyList<WebhookReceived> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // One statement may not touch a row twice, so an event repeated within the batch is recorded once.
        var distinct = messages.DistinctBy(message => message.Id).ToList();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO webhooks.space_events (event_id, tenant_id, space_id, route_id, route_slug, scheme, sender_event_id,
                                               requester_identity, credential_subject, headers, payload, received_at, event_type,
                                               credential_subject_id)
            SELECT d.event_id, d.tenant_id, d.space_id, d.route_id, d.route_slug, d.scheme, d.sender_event_id, d.requester_identity,
                   d.credential_subject, d.headers::jsonb, d.payload, d.received_at, d.event_type, e.credential_subject_id
            FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                        $10::text[], $11::bytea[], $12::timestamptz[], $13::text[])
                 AS d (event_id, tenant_id, space_id, route_id, route_slug, scheme, sender_event_id, requester_identity,
                       credential_subject, headers, payload, received_at, event_type)
            LEFT JOIN webhooks.events e ON e.id = d.event_id AND e.credential_subject IS NOT DISTINCT FROM d.credential_subject
            ON CONFLICT (event_id) DO UPDATE SET redeliveries = webhooks.space_events.redeliveries + 1
            RETURNING event_id, redeliveries > 0
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => Guid.Parse(m.TenantId)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => Guid.Parse(m.SpaceId)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => Guid.Parse(m.RouteId)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.RouteSlug).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.Scheme).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.SenderEventId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.RequesterIdentity).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => m.CredentialSubject).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => JsonSerializer.Serialize(m.Headers)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(m => Encoding.UTF8.GetBytes(m.Payload)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = distinct.Select(m => new DateTimeOffset(DateTime.SpecifyKind(m.OccurredAt, DateTimeKind.Utc))).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(SpaceEventTypes.Of).ToArray() });
        var redelivered = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetBoolean(1))
            {
                redelivered.Add(reader.GetGuid(0));
            }
        }
        return redelivered;
    }

    /// <summary>The Space's most recent events, newest first; <paramref name="before"/> pages back from an event id.</summary>
    public Task<IReadOnlyList<SpaceEvent>> ListRecentAsync(Guid tenantId, Guid spaceId, int limit, Guid? before, CancellationToken ct) =>
        ListAsync(tenantId, spaceId, new SpaceEventQuery(limit, before), ct);

    /// <summary>The Space's events the query selects, newest first (at most <see cref="MaxPageSize"/>).</summary>
    public async Task<IReadOnlyList<SpaceEvent>> ListAsync(Guid tenantId, Guid spaceId, SpaceEventQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand("""
            SELECT event_id, space_id, route_id, route_slug, scheme, sender_event_id, requester_identity, credential_subject,
                   headers::text, payload, received_at, delivered_at, event_type
            FROM webhooks.space_events
            WHERE tenant_id = $1 AND space_id = $2
              AND ($4::uuid IS NULL OR (received_at, event_id) < (SELECT received_at, event_id FROM webhooks.space_events
                                                                  WHERE event_id = $4 AND tenant_id = $1))
              AND ($5::timestamptz IS NULL OR received_at >= $5)
              AND ($6::text IS NULL OR event_type = $6)
              AND ($7 OR credential_subject IS NULL OR credential_subject_id = $8::uuid)
            ORDER BY received_at DESC, event_id DESC
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = spaceId });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, MaxPageSize) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Since?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Type ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = query.WholeSpace });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.SubjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
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
                reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return events;
    }
}
