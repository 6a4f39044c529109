using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Messaging.Outbox;

namespace Platform.IntegrationRegistry.Outbox;

/// <summary>
/// <c>registry.outbox</c>: the events of each committed change (<see cref="OutboxWriter"/>). They tell caches to
/// forget things, so an event no queue takes (no edge running) is simply done.
/// </summary>
public sealed class RegistryOutboxStore(NpgsqlDataSource dataSource, IOptions<OutboxOptions> options) : IOutboxStore
{
    public bool RequiresReceiver => false;

    public async Task<IOutboxBatch> TakeAsync(int max, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var select = new NpgsqlCommand(
                "SELECT id, message_type, payload::text FROM registry.outbox WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED",
                connection, transaction);
            select.Parameters.Add(new NpgsqlParameter { Value = max });
            var messages = new List<OutboxMessage>();
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    messages.Add(new OutboxMessage(reader.GetGuid(0), Deserialize(reader.GetGuid(0), reader.GetString(1), reader.GetString(2))));
                }
            }
            return new Batch(connection, transaction, messages);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM registry.outbox WHERE published_at < now() - $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = options.Value.SentRetention });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object Deserialize(Guid id, string typeName, string payload)
    {
        var type = typeof(CatalogChanged).Assembly.GetType($"{typeof(CatalogChanged).Namespace}.{typeName}")
            ?? throw new InvalidOperationException($"Outbox row {id} names an unknown event type '{typeName}'.");
        return JsonSerializer.Deserialize(payload, type, JsonSerializerOptions.Web)!;
    }

    private sealed class Batch(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxMessage> messages) : IOutboxBatch
    {
        public IReadOnlyList<OutboxMessage> Messages => messages;

        public async Task CompleteAsync(IReadOnlyList<bool> confirmed, CancellationToken cancellationToken)
        {
            var published = messages.Where((_, i) => confirmed[i]).Select(m => m.Id).ToArray();
            if (published.Length > 0)
            {
                await using var mark = new NpgsqlCommand("UPDATE registry.outbox SET published_at = now() WHERE id = ANY($1)", connection, transaction);
                mark.Parameters.Add(new NpgsqlParameter { Value = published });
                await mark.ExecuteNonQueryAsync(cancellationToken);
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
