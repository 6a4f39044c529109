namespace Platform.WebhookIngress.Verification;

/// <summary>
/// The outcome of verifying one request and, when verified, the sender's id for the event (for dedupe) and, for
/// schemes whose signature covers no timestamp, the SHA-256 of the signed body (a second dedupe key, so a captured
/// delivery replayed under a new id is still the same event).
/// </summary>
public readonly record struct VerificationResult(VerificationOutcome Outcome, string? SenderEventId, string? ContentSha256 = null)
{
    public static readonly VerificationResult Malformed = new(VerificationOutcome.MalformedHeaders, null);
    public static readonly VerificationResult InvalidSignature = new(VerificationOutcome.InvalidSignature, null);
    public static readonly VerificationResult Stale = new(VerificationOutcome.StaleTimestamp, null);

    public static VerificationResult Verified(string senderEventId, string? contentSha256 = null) => new(VerificationOutcome.Verified, senderEventId, contentSha256);

    public bool IsVerified => Outcome == VerificationOutcome.Verified;
}
