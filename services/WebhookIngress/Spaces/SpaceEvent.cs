namespace Platform.WebhookIngress.Spaces;

/// <summary>An event as it reached its Space, as the admin API and the edge's Space tools show it.</summary>
public sealed record SpaceEvent(
    Guid EventId,
    Guid SpaceId,
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
    string? EventType = null);
