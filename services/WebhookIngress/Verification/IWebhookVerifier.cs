namespace Platform.WebhookIngress.Verification;

/// <summary>One verification scheme: the form of its secret, and the check of a request's signature.</summary>
public interface IWebhookVerifier
{
    /// <summary>The scheme's name (<see cref="WebhookSchemes"/>).</summary>
    string Scheme { get; }

    /// <summary>Whether <paramref name="secret"/> has the form this scheme needs.</summary>
    bool IsValidSecret(string secret);

    /// <summary>A new random secret for this scheme, or null when the sender issues it (Slack, Stripe).</summary>
    string? GenerateSecret();

    VerificationResult Verify(WebhookVerificationRequest request);
}
