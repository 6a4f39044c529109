namespace Platform.Contracts;

/// <summary>A verified, deduplicated webhook event to be delivered to its target space.</summary>
public sealed record WebhookReceived(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string RouteId,
    string SpaceId,
    string RequesterIdentity,
    string? CredentialSubject,
    string EventId,
    IReadOnlyDictionary<string, string> Headers,
    string Payload);
