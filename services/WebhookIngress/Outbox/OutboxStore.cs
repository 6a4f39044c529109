using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;

namespace Platform.WebhookIngress.Outbox;

/// <summary>The relay's queries on <c>webhooks.outbox</c>, inside the transaction that holds the rows' locks.</summary>
public static class OutboxStore
{
    /// <summary>
    /// Locks up to <paramref name="batchSize"/> pending rows, oldest first. <c>SKIP LOCKED</c> lets several replicas'
    /// relays share the work: each takes rows no other relay holds, so no row is published by two at once.
    /// </summary>
    public static async Task<IReadOnlyList<PendingEvent>> LockPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT o.id, e.id, e.received_at, e.tenant_id, e.route_id, e.route_slug, e.space_id, e.requester_identity,
                   e.credential_subject, e.sender_event_id, e.scheme, e.headers::text, e.payload
            FROM webhooks.outbox o JOIN webhooks.events e ON e.id = o.event_id
            WHERE o.sent_at IS NULL
            ORDER BY o.id
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
        var pending = new List<PendingEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pending.Add(new PendingEvent(reader.GetInt64(0), new WebhookReceived(
                reader.GetGuid(1),
                reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime,
                reader.GetGuid(3).ToString(),
                reader.GetGuid(4).ToString(),
                reader.GetString(5),
                reader.GetGuid(6).ToString(),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(11)) ?? [],
                Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(12)))));
        }
        return pending;
    }

    public static async Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<long> sent, IReadOnlyCollection<long> failed, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE webhooks.outbox
            SET attempts = attempts + 1, sent_at = CASE WHEN id = ANY($1) THEN now() END
            WHERE id = ANY($1) OR id = ANY($2)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = sent.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = failed.ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes outbox rows sent before <paramref name="sentBefore"/>, then delivered events and accepted events
    /// received before <paramref name="receivedBefore"/> that nothing still has to publish.
    /// </summary>
    public static async Task DeleteExpiredAsync(NpgsqlDataSource dataSource, DateTimeOffset sentBefore, DateTimeOffset receivedBefore, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("DELETE FROM webhooks.outbox WHERE sent_at < $1", sentBefore));
        batch.BatchCommands.Add(Command("DELETE FROM webhooks.space_events WHERE received_at < $1", receivedBefore));
        batch.BatchCommands.Add(Command("""
            DELETE FROM webhooks.events e WHERE e.received_at < $1
              AND NOT EXISTS (SELECT 1 FROM webhooks.outbox o WHERE o.event_id = e.id AND o.sent_at IS NULL)
            """, receivedBefore));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, object value)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
