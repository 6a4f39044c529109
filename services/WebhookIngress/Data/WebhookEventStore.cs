using System.Text.Json;
using Npgsql;

namespace Platform.WebhookIngress.Data;

/// <summary>
/// Writes <c>webhooks.events</c> and <c>webhooks.outbox</c> in one statement (so one transaction): both rows are
/// committed before the sender hears 202, or neither is. An event is a duplicate when its route already holds the
/// same sender id or, where the scheme gives one, the same body hash (either unique key stops the insert).
/// </summary>
public sealed class WebhookEventStore(NpgsqlDataSource dataSource) : IWebhookEventStore
{
    private const string Accept = """
        WITH inserted AS (
            INSERT INTO webhooks.events (id, tenant_id, route_id, route_slug, space_id, scheme, sender_event_id,
                                         requester_identity, credential_subject, headers, payload, received_at, content_sha256, credential_subject_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14)
            ON CONFLICT DO NOTHING
            RETURNING id
        ), queued AS (
            INSERT INTO webhooks.outbox (event_id) SELECT id FROM inserted RETURNING event_id
        )
        SELECT event_id, false FROM queued
        UNION ALL
        SELECT id, true FROM webhooks.events
        WHERE route_id = $3 AND (sender_event_id = $7 OR content_sha256 = $13) AND NOT EXISTS (SELECT 1 FROM inserted)
        """;

    /// <summary>
    /// A concurrent insert of the same sender id commits after this statement's snapshot, so the statement sees
    /// neither its own row nor the other one; running it again sees the other one.
    /// </summary>
    private const int MaxAttempts = 3;

    public async Task<AcceptResult> AcceptAsync(IncomingWebhook webhook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var route = webhook.Route;
        var headers = JsonSerializer.Serialize(webhook.Headers);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var command = dataSource.CreateCommand(Accept);
            foreach (var value in new object?[]
            {
                Guid.CreateVersion7(webhook.ReceivedAt), route.TenantId, route.Id, route.Slug, route.SpaceId, route.Scheme,
                webhook.SenderEventId, route.RequesterIdentity, route.CredentialSubject, headers, webhook.Payload.ToArray(), webhook.ReceivedAt,
            })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)webhook.ContentSha256 ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)route.CredentialSubjectId ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                return new AcceptResult(reader.GetGuid(0), reader.GetBoolean(1));
            }
        }
        throw new InvalidOperationException("The event was neither inserted nor found; the dedupe key is contended.");
    }
}
