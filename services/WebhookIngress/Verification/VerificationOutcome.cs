namespace Platform.WebhookIngress.Verification;

/// <summary>What checking a request's signature found; the failures map to distinct, non-revealing answers.</summary>
public enum VerificationOutcome
{
    Verified,

    /// <summary>A header the scheme needs (other than the signature) is missing, repeated or unparseable.</summary>
    MalformedHeaders,

    /// <summary>The signature is missing or matches nothing; which part failed is never said.</summary>
    InvalidSignature,

    /// <summary>The signature is right but its timestamp lies outside the route's tolerance.</summary>
    StaleTimestamp,
}
