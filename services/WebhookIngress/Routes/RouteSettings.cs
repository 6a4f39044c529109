namespace Platform.WebhookIngress.Routes;

/// <summary>The parts of a route that can change after creation (its slug and scheme cannot).</summary>
public sealed record RouteSettings(
    Guid SpaceId,
    string? RequesterIdentity,
    string? CredentialSubject,
    int MaxPayloadBytes,
    int TimestampToleranceSeconds,
    bool Enabled,
    Guid? CredentialSubjectId = null);
