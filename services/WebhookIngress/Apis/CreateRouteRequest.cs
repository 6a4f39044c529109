namespace Platform.WebhookIngress.Apis;

/// <summary>Body of <c>POST /api/webhooks/routes</c>.</summary>
/// <param name="Secret">
/// The signing secret (Slack's signing secret, Stripe's <c>whsec_…</c>, a Standard Webhooks <c>whsec_…</c> key or
/// <c>whpk_…</c> public key). Omit it for standard-webhooks, github or hmac-sha256 to have one generated and shown once.
/// </param>
public sealed record CreateRouteRequest(
    string? Slug,
    Guid? SpaceId,
    string? Scheme,
    string? Secret = null,
    string? RequesterIdentity = null,
    string? CredentialSubject = null,
    int? MaxPayloadBytes = null,
    int? TimestampToleranceSeconds = null,
    bool? Enabled = null)
{
    /// <summary>Keeps the secret out of logs that print records.</summary>
    public override string ToString() => $"CreateRouteRequest {{ Slug = {Slug}, SpaceId = {SpaceId}, Scheme = {Scheme} }}";
}
