namespace Platform.WebhookIngress.Apis;

/// <summary>Body of <c>PATCH /api/webhooks/routes/{id}</c>: absent fields stay as they are; an empty string clears an attribution.</summary>
public sealed record UpdateRouteRequest(
    Guid? SpaceId = null,
    string? RequesterIdentity = null,
    string? CredentialSubject = null,
    int? MaxPayloadBytes = null,
    int? TimestampToleranceSeconds = null,
    bool? Enabled = null);
