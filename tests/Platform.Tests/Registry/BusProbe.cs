using System.Text.Json;
using Platform.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Platform.Tests.Registry;

/// <summary>
/// Listens on the event bus the way a new consumer would: a private queue bound to the exchanges MassTransit
/// publishes the given contract types to (<c>Platform.Contracts:{Type}</c>), read until a matching event arrives.
/// </summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly List<(string Type, JsonElement Message)> _seen = [];

    private BusProbe(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<BusProbe> StartAsync(string eventBusConnectionString, params string[] contractTypes)
    {
        var factory = new ConnectionFactory { Uri = new Uri(eventBusConnectionString), ClientProvidedName = "registry-tests" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in contractTypes)
        {
            // As MassTransit declares it, so whichever side comes first, both agree.
            var exchange = $"Platform.Contracts:{type}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }
        return new BusProbe(connection, channel, queue);
    }

    /// <summary>Waits for an event of <paramref name="type"/> whose message satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        JsonElement? found = null;
        await Eventually.UntilAsync(
            async () =>
            {
                await DrainAsync();
                found = _seen.Where(e => e.Type == type && match(e.Message)).Select(e => (JsonElement?)e.Message).FirstOrDefault();
                return found is not null;
            },
            timeout ?? TimeSpan.FromSeconds(20),
            () => $"a matching {type}; seen: {string.Join(", ", _seen.Select(e => e.Type))}");
        return found!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }

    private async Task DrainAsync()
    {
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var type = delivery.Exchange[(delivery.Exchange.IndexOf(':') + 1)..];
            _seen.Add((type, envelope.RootElement.GetProperty("message").Clone()));
        }
    }
}
