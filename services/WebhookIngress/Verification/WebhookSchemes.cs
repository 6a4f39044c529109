namespace Platform.WebhookIngress.Verification;

/// <summary>The verification schemes a route can use, by the name the admin API and the database use.</summary>
public static class WebhookSchemes
{
    /// <summary>Standard Webhooks: v1 (HMAC-SHA256, <c>whsec_</c> secret) or v1a (Ed25519, <c>whpk_</c> public key).</summary>
    public const string StandardWebhooks = "standard-webhooks";

    /// <summary>GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> over the body.</summary>
    public const string GitHub = "github";

    /// <summary>Slack: <c>X-Slack-Signature: v0=&lt;hex&gt;</c> over <c>v0:{timestamp}:{body}</c>.</summary>
    public const string Slack = "slack";

    /// <summary>Stripe: <c>Stripe-Signature: t=…,v1=…</c> over <c>{t}.{body}</c>.</summary>
    public const string Stripe = "stripe";

    /// <summary>The platform's own shared-secret HMAC for a tenant's own senders (see docs/architecture.md).</summary>
    public const string HmacSha256 = "hmac-sha256";

    public static readonly IReadOnlyList<string> All = [StandardWebhooks, GitHub, Slack, Stripe, HmacSha256];
}
