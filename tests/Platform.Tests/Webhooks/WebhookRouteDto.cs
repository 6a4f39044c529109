namespace Platform.Tests.Webhooks;

/// <summary>A route as <c>/api/webhooks/routes</c> answers it.</summary>
public sealed record WebhookRouteDto(
    Guid Id,
    string Slug,
    string Path,
    Guid SpaceId,
    string Scheme,
    string? RequesterIdentity,
    string? CredentialSubject,
    int MaxPayloadBytes,
    int TimestampToleranceSeconds,
    bool Enabled);
