using System.Text.Json;
using Platform.IntegrationRegistry.Data;

namespace Platform.IntegrationRegistry.Outbox;

/// <summary>Writes integration events as outbox rows inside the caller's transaction.</summary>
public static class OutboxWriter
{
    public static async Task WriteAsync(DbSession session, IEnumerable<object> events, CancellationToken ct)
    {
        foreach (var integrationEvent in events)
        {
            var type = integrationEvent.GetType();
            await session.ExecuteAsync(
                "INSERT INTO registry.outbox (id, message_type, payload) VALUES (@id, @type, @payload::jsonb)",
                ct,
                ("id", Guid.CreateVersion7()),
                ("type", type.Name),
                ("payload", JsonSerializer.Serialize(integrationEvent, type, JsonSerializerOptions.Web)));
        }
    }
}
