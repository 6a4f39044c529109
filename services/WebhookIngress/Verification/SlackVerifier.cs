using System.Text;

namespace Platform.WebhookIngress.Verification;

/// <summary>
/// Slack: <c>X-Slack-Signature: v0=&lt;hex HMAC-SHA256&gt;</c> of <c>v0:{X-Slack-Request-Timestamp}:{body}</c>, keyed by
/// the app's signing secret. The event id is the Events API's <c>event_id</c> when the body has one (Slack keeps it
/// on retries); otherwise a hash of the signed content.
/// </summary>
public sealed class SlackVerifier : IWebhookVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string SignaturePrefix = "v0=";

    public string Scheme => WebhookSchemes.Slack;

    public bool IsValidSecret(string secret) => HmacSignatures.IsPrintableSecret(secret);

    /// <summary>Slack issues the signing secret; the route is given it.</summary>
    public string? GenerateSecret() => null;

    public VerificationResult Verify(WebhookVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!HeaderReader.TryGetSingle(headers, TimestampHeader, out var timestampText)
            || !HeaderReader.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return VerificationResult.Malformed;
        }
        if (!HeaderReader.TryGetSingle(headers, SignatureHeader, out var signature))
        {
            return HeaderReader.IsMissing(headers, SignatureHeader) ? VerificationResult.InvalidSignature : VerificationResult.Malformed;
        }
        var prefix = $"v0:{timestampText}:";
        var body = request.Body.Span;
        var expected = HmacSignatures.Compute(Encoding.UTF8.GetBytes(request.Secret), prefix, body);
        var matched = signature.StartsWith(SignaturePrefix, StringComparison.Ordinal)
            && HmacSignatures.HexMatches(signature.AsSpan(SignaturePrefix.Length), expected);
        if (!matched)
        {
            return VerificationResult.InvalidSignature;
        }
        if (!HeaderReader.IsWithinTolerance(timestamp, request.Now, request.Tolerance))
        {
            return VerificationResult.Stale;
        }
        var id = JsonBodyFields.TryGetString(request.Body, "event_id");
        return VerificationResult.Verified(SenderEventIds.IsValid(id) ? id! : SenderEventIds.FromContent(Encoding.UTF8.GetBytes(prefix), body));
    }
}
