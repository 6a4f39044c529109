using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Messaging.Outbox;

namespace Platform.WebhookIngress.Outbox;

/// <summary>
/// <c>webhooks.outbox</c>: one row per accepted event, written in the event's own transaction. A round's events are
/// published as few <see cref="WebhookReceivedBatch"/> messages (<see cref="ReceivedBatches"/>): the broker, the consumer
/// and the Space's commit cost per message, not per event. Someone must receive every event, so a message that no
/// queue would take comes back and its events stay pending.
/// </summary>
public sealed class WebhookOutboxStore(NpgsqlDataSource dataSource, IOptions<OutboxOptions> outbox, IOptions<WebhookIngressOptions> options, TimeProvider timeProvider)
    : IOutboxStore
{
    public bool RequiresReceiver => true;

    /// <summary>
    /// Locks pending rows, oldest first. <c>SKIP LOCKED</c> lets several replicas' relays share the work: each takes
    /// rows no other relay holds, so no row is published by two at once.
    /// </summary>
    public async Task<IOutboxBatch> TakeAsync(int max, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT o.id, e.id, e.received_at, e.tenant_id, e.route_id, e.route_slug, e.space_id, e.requester_identity,
                       e.credential_subject, e.sender_event_id, e.scheme, e.headers::text, e.payload
                FROM webhooks.outbox o JOIN webhooks.events e ON e.id = o.event_id
                WHERE o.sent_at IS NULL
                ORDER BY o.id
                LIMIT $1
                FOR UPDATE OF o SKIP LOCKED
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = max });
            var rows = new List<long>();
            var events = new List<WebhookReceived>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(reader.GetInt64(0));
                    var received = new WebhookReceived(
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
                        Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(12)));
                    events.Add(received);
                }
            }
            var ranges = ReceivedBatches.Split(events);
            // The first event's id is the message id: a message published again after a crash keeps it.
            var messages = ranges.Select(range => new OutboxMessage(events[range.Start].Id, new WebhookReceivedBatch(events[range]))).ToList();
            return new Batch(connection, transaction, rows, ranges, messages);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Deletes rows sent before their retention, then delivered events and accepted events past the event retention
    /// that nothing still has to publish.
    /// </summary>
    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("DELETE FROM webhooks.outbox WHERE sent_at < $1", now - outbox.Value.SentRetention));
        batch.BatchCommands.Add(Command("DELETE FROM webhooks.space_events WHERE received_at < $1", now - options.Value.EventRetention));
        batch.BatchCommands.Add(Command("""
            DELETE FROM webhooks.events e WHERE e.received_at < $1
              AND NOT EXISTS (SELECT 1 FROM webhooks.outbox o WHERE o.event_id = e.id AND o.sent_at IS NULL)
            """, now - options.Value.EventRetention));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, object value)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    /// <summary>
    /// The locked rows; completing marks the rows of confirmed messages sent and counts an attempt on the others.
    /// <paramref name="ranges"/> gives each message's rows.
    /// </summary>
    private sealed class Batch(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<long> rows, IReadOnlyList<Range> ranges, IReadOnlyList<OutboxMessage> messages)
        : IOutboxBatch
    {
        public IReadOnlyList<OutboxMessage> Messages => messages;

        public async Task CompleteAsync(IReadOnlyList<bool> confirmed, CancellationToken cancellationToken)
        {
            if (rows.Count > 0)
            {
                var sent = new bool[rows.Count];
                for (var message = 0; message < ranges.Count; message++)
                {
                    sent.AsSpan(ranges[message]).Fill(confirmed[message]);
                }
                await using var command = new NpgsqlCommand("""
                    UPDATE webhooks.outbox
                    SET attempts = attempts + 1, sent_at = CASE WHEN id = ANY($1) THEN now() END
                    WHERE id = ANY($1) OR id = ANY($2)
                    """, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter { Value = rows.Where((_, i) => sent[i]).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = rows.Where((_, i) => !sent[i]).ToArray() });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
