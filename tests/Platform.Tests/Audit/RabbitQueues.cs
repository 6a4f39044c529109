using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Tests.Audit;

/// <summary>Looks at queues over plain AMQP (the management plugin is not enabled): depth, and messages parked in error queues.</summary>
public sealed class RabbitQueues(string connectionString)
{
    /// <summary>Ready messages in the queue, or null when it does not exist (a passive declare answers 404).</summary>
    public async Task<uint?> ReadyCountAsync(string queue)
    {
        await using var connection = await OpenAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>Takes every message now in the queue (acknowledging them), with its headers as text.</summary>
    public async Task<IReadOnlyList<ParkedMessage>> DrainAsync(string queue)
    {
        await using var connection = await OpenAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<ParkedMessage>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .ToDictionary(pair => pair.Key, pair => pair.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : pair.Value?.ToString() ?? string.Empty);
                messages.Add(new ParkedMessage(Encoding.UTF8.GetString(result.Body.Span), headers));
            }
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            // No such queue: nothing was ever parked there.
        }
        return messages;
    }

    private Task<IConnection> OpenAsync() => new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
}
