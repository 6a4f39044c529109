namespace Platform.WebhookIngress.Routes;

/// <summary>A tenant's inbound endpoint <c>/webhooks/{tenant-slug}/{Slug}</c>, delivering to one Space.</summary>
/// <param name="SecretId">The vault's handle of the signing secret; the secret itself is never stored here.</param>
/// <param name="RequesterIdentity">Recorded on every event as who asked for it (attribution), if set.</param>
/// <param name="CredentialSubject">Recorded on every event as the subject whose credentials act on it, if set.</param>
/// <param name="CredentialSubjectId">The identity <paramref name="CredentialSubject"/> named when the route was saved (null for routes saved before ids were kept).</param>
public sealed record WebhookRoute(
    Guid Id,
    Guid TenantId,
    string Slug,
    Guid SpaceId,
    string Scheme,
    Guid SecretId,
    string? RequesterIdentity,
    string? CredentialSubject,
    int MaxPayloadBytes,
    int TimestampToleranceSeconds,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? CredentialSubjectId = null)
{
    public TimeSpan TimestampTolerance => TimeSpan.FromSeconds(TimestampToleranceSeconds);
}
