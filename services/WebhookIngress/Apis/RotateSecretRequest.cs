namespace Platform.WebhookIngress.Apis;

/// <summary>Body of <c>POST /api/webhooks/routes/{id}/secret</c>: the new secret, or nothing to have one generated (where the scheme allows).</summary>
public sealed record RotateSecretRequest(string? Secret = null)
{
    public override string ToString() => "RotateSecretRequest { Secret = *** }";
}
