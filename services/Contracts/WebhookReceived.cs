namespace Platform.Contracts;

/// <summary>
/// A verified, deduplicated webhook event to be delivered to its target space. <paramref name="Id"/> is the platform's
/// event id (the one the sender got with its 202); the relay may publish an event twice after a crash, so consumers
/// dedupe on it.
/// </summary>
/// <param name="SenderEventId">The sender's own id (<c>webhook-id</c>, <c>X-GitHub-Delivery</c>, <c>evt_…</c>), or <c>sha256:…</c> of the signed content.</param>
/// <param name="Headers">The request headers worth keeping (content type, event type, delivery ids); never credentials or signatures.</param>
/// <param name="Payload">The body as received (verified UTF-8; at most the route's limit, itself at most 1 MiB).</param>
public sealed record WebhookReceived(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    string RouteId,
    string RouteSlug,
    string SpaceId,
    string? RequesterIdentity,
    string? CredentialSubject,
    string SenderEventId,
    string Scheme,
    IReadOnlyDictionary<string, string> Headers,
    string Payload);
