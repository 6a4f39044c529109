using System.Text.Json;

namespace Platform.McpEdge.Spaces;

/// <summary>One event of a Space as webhook-ingress answers it (<c>SpaceEventResponse</c>).</summary>
public sealed record SpaceEventItem(
    Guid EventId,
    Guid RouteId,
    string RouteSlug,
    string Scheme,
    string SenderEventId,
    string? RequesterIdentity,
    string? CredentialSubject,
    IReadOnlyDictionary<string, string> Headers,
    string Payload,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DeliveredAt,
    string? EventType)
{
    /// <summary>The event as an agent reads it: the payload as JSON when it is JSON, else as text.</summary>
    public object ToAgentView() => new
    {
        id = EventId,
        type = EventType,
        receivedAt = ReceivedAt,
        route = RouteSlug,
        scheme = Scheme,
        senderEventId = SenderEventId,
        requesterIdentity = RequesterIdentity,
        credentialSubject = CredentialSubject,
        headers = Headers,
        payload = PayloadAsJson() ?? (object)Payload,
    };

    private JsonElement? PayloadAsJson()
    {
        try
        {
            using var document = JsonDocument.Parse(Payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
