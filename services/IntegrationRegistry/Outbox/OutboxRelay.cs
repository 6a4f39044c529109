using System.Text.Json;
using MassTransit;
using Npgsql;
using Platform.Contracts;

namespace Platform.IntegrationRegistry.Outbox;

/// <summary>
/// Publishes committed outbox rows to the bus in order, marking each once the broker confirmed it. While the
/// broker is away rows wait (with backoff) and nothing is lost; a row may be published twice after a crash
/// between confirm and mark, so consumers treat events idempotently (each carries its own Id).
/// </summary>
public sealed partial class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, OutboxSignal signal, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var batch = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                batch.CancelAfter(BatchTimeout);
                var published = await PublishBatchAsync(batch.Token);
                backoff = TimeSpan.FromMilliseconds(500);
                if (DateTimeOffset.UtcNow - lastCleanup > TimeSpan.FromHours(1))
                {
                    await DeletePublishedAsync(stoppingToken);
                    lastCleanup = DateTimeOffset.UtcNow;
                }
                if (published < BatchSize)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPublishFailed(logger, exception.GetType().Name, backoff);
                if (!await DelayAsync(backoff, stoppingToken))
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = new List<(Guid Id, string Type, string Payload)>();
        await using (var select = new NpgsqlCommand(
            "SELECT id, message_type, payload::text FROM registry.outbox WHERE published_at IS NULL ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
            connection))
        {
            select.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var (id, typeName, payload) in rows)
        {
            var type = typeof(CatalogChanged).Assembly.GetType($"{typeof(CatalogChanged).Namespace}.{typeName}")
                ?? throw new InvalidOperationException($"Outbox row {id} names an unknown event type '{typeName}'.");
            var message = JsonSerializer.Deserialize(payload, type, JsonSerializerOptions.Web)!;
            await bus.Publish(message, type, context => context.MessageId = id, ct);
            await using var mark = new NpgsqlCommand("UPDATE registry.outbox SET published_at = now() WHERE id = @id", connection);
            mark.Parameters.AddWithValue("id", id);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>False if the service is stopping.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task DeletePublishedAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var delete = new NpgsqlCommand("DELETE FROM registry.outbox WHERE published_at < now() - @retention", connection);
        delete.Parameters.AddWithValue("retention", Retention);
        await delete.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox events failed ({Error}); retrying in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, string error, TimeSpan delay);
}
