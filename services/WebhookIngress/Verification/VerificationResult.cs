namespace Platform.WebhookIngress.Verification;

/// <summary>The outcome of verifying one request and, when verified, the sender's id for the event (for dedupe).</summary>
public readonly record struct VerificationResult(VerificationOutcome Outcome, string? SenderEventId)
{
    public static readonly VerificationResult Malformed = new(VerificationOutcome.MalformedHeaders, null);
    public static readonly VerificationResult InvalidSignature = new(VerificationOutcome.InvalidSignature, null);
    public static readonly VerificationResult Stale = new(VerificationOutcome.StaleTimestamp, null);

    public static VerificationResult Verified(string senderEventId) => new(VerificationOutcome.Verified, senderEventId);

    public bool IsVerified => Outcome == VerificationOutcome.Verified;
}
