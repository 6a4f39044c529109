using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>Reads webhookdb directly, to check what the API cannot show: outbox rows, dedupe, stored columns.</summary>
public sealed class WebhookDatabase(DistributedApplicationFixture platform) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(platform.GetConnectionString("webhookdb"));

    public Task<long> CountOutboxAsync(Guid routeId) =>
        ScalarAsync("SELECT count(*) FROM webhooks.outbox o JOIN webhooks.events e ON e.id = o.event_id WHERE e.route_id = $1", routeId);

    public Task<long> CountAllOutboxAsync() => ScalarAsync("SELECT count(*) FROM webhooks.outbox");

    public Task<long> CountPendingOutboxAsync() => ScalarAsync("SELECT count(*) FROM webhooks.outbox WHERE sent_at IS NULL");

    public Task<long> CountEventsAsync(Guid routeId) => ScalarAsync("SELECT count(*) FROM webhooks.events WHERE route_id = $1", routeId);

    /// <summary>Each event delivered to the Space, with how often it was delivered again after the first time.</summary>
    public async Task<IReadOnlyList<(Guid EventId, int Redeliveries)>> SpaceDeliveriesAsync(Guid spaceId)
    {
        await using var command = _dataSource.CreateCommand("SELECT event_id, redeliveries FROM webhooks.space_events WHERE space_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = spaceId });
        var rows = new List<(Guid, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }
        return rows;
    }

    /// <summary>Every text, json and bytea value of the given tables as text: to prove a secret is stored nowhere.</summary>
    public async Task<string> DumpAsync(params string[] tables)
    {
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = _dataSource.CreateCommand($"SELECT t::text FROM webhooks.{table} t");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        return text.ToString();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
