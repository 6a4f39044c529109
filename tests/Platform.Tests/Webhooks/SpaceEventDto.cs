namespace Platform.Tests.Webhooks;

/// <summary>One event of <c>GET /api/webhooks/spaces/{id}/events</c>.</summary>
public sealed record SpaceEventDto(
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
    DateTimeOffset DeliveredAt);
