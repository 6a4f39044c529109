using MassTransit;
using Platform.Contracts;
using Platform.Messaging;

namespace Platform.Tests.Audit;

/// <summary>
/// A publish-only MassTransit bus on the platform's eventbus, publishing integration events exactly as the MCP edge
/// and the usage API do (message-type exchanges, persistent messages, publisher confirms). Tool calls travel as the
/// edge sends them, in <see cref="ToolCallCompletedBatch"/> messages; model calls one per message.
/// </summary>
public sealed class AuditBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private AuditBus(IBusControl bus) => _bus = bus;

    public static async Task<AuditBus> StartAsync(string eventbusConnectionString)
    {
        var connection = EventBusConnection.Parse(eventbusConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(connection.Host, connection.Port, connection.VirtualHost, "platform-tests", host =>
        {
            host.Username(connection.Username);
            host.Password(connection.Password);
            host.PublisherConfirmation = true;
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new AuditBus(bus);
    }

    /// <summary>The edge's default number of calls per message (<c>McpEdge:Audit:MaxCallsPerMessage</c>).</summary>
    public const int CallsPerMessage = 100;

    /// <summary>Publishes one message; a lone tool call goes as a batch of one, as the edge sends it when nothing else is queued.</summary>
    public Task PublishAsync<T>(T message) where T : class =>
        message is ToolCallCompleted call ? _bus.Publish(new ToolCallCompletedBatch([call])) : _bus.Publish(message);

    /// <summary>
    /// Publishes in order, a chunk of messages at a time in parallel, each with its runtime type (so a mixed list
    /// reaches each type's exchange); returns once the broker confirmed all. Tool calls are grouped, in order, into
    /// batches of <paramref name="callsPerMessage"/>; batches and other messages go as they are.
    /// </summary>
    public async Task PublishAllAsync<T>(IEnumerable<T> messages, int parallel = 50, int callsPerMessage = CallsPerMessage) where T : class
    {
        var outgoing = new List<object>();
        var pending = new List<ToolCallCompleted>(callsPerMessage);
        foreach (var message in messages)
        {
            if (message is not ToolCallCompleted call)
            {
                outgoing.Add(message);
                continue;
            }
            pending.Add(call);
            if (pending.Count == callsPerMessage)
            {
                outgoing.Add(new ToolCallCompletedBatch([.. pending]));
                pending.Clear();
            }
        }
        if (pending.Count > 0)
        {
            outgoing.Add(new ToolCallCompletedBatch([.. pending]));
        }
        foreach (var chunk in outgoing.Chunk(parallel))
        {
            await Task.WhenAll(chunk.Select(message => _bus.Publish(message, message.GetType())));
        }
    }

    /// <summary>Tool calls cut, in order, into messages of at most <paramref name="callsPerMessage"/> calls, as the edge cuts them.</summary>
    public static IReadOnlyList<ToolCallCompletedBatch> Batches(IEnumerable<ToolCallCompleted> calls, int callsPerMessage = CallsPerMessage) =>
        [.. calls.Chunk(callsPerMessage).Select(chunk => new ToolCallCompletedBatch(chunk))];

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(timeout.Token);
    }

    /// <summary>A well-formed tool call of <paramref name="tenantId"/>, as the edge would publish it.</summary>
    public static ToolCallCompleted ToolCall(
        string tenantId,
        string tool = "github__search_issues",
        string outcome = "success",
        long durationMs = 42,
        string arguments = """{"query":"is:open label:bug"}""",
        DateTime? occurredAt = null,
        string? agentId = null,
        string? subjectId = null,
        Guid? installId = null,
        Guid? id = null)
    {
        var at = occurredAt ?? DateTime.UtcNow;
        return new ToolCallCompleted(
            id ?? Guid.NewGuid(), at, tenantId, agentId ?? "agent-1", subjectId ?? "subject-1", installId ?? Guid.Parse("6f1c2a55-7d44-4c4b-9f0e-0a1b2c3d4e5f"),
            tool, tool.Contains("__", StringComparison.Ordinal) ? tool[(tool.IndexOf("__", StringComparison.Ordinal) + 2)..] : tool,
            at.AddMilliseconds(-durationMs), durationMs, outcome, outcome == "success" ? null : "UpstreamError",
            arguments, 120, 2048, "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    public static ModelUsageRecorded ModelCall(string tenantId, string agentId = "agent-1", string model = "gpt-5", decimal cost = 0.0125m, DateTime? occurredAt = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), occurredAt ?? DateTime.UtcNow, tenantId, agentId, model, 1200, 300, cost,
            Provider: "openai", CachedTokens: 200, LatencyMs: 850, RequestId: $"req-{Guid.NewGuid():N}", SubjectId: "subject-1");
}
