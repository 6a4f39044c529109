using Platform.WebhookIngress.Spaces;

namespace Platform.WebhookIngress.Apis;

/// <summary>One event that reached a Space, as the tenant sees it.</summary>
public sealed record SpaceEventResponse(
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
    public static SpaceEventResponse From(SpaceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.EventId, e.RouteId, e.RouteSlug, e.Scheme, e.SenderEventId, e.RequesterIdentity, e.CredentialSubject,
            e.Headers, e.Payload, e.ReceivedAt, e.DeliveredAt, e.EventType);
    }
}
