using System.Text;

namespace Platform.WebhookIngress.Verification;

/// <summary>
/// The platform's own scheme for a tenant's own senders. Headers:
/// <c>X-Webhook-Id</c> (unique per event, reused on retries), <c>X-Webhook-Timestamp</c> (Unix seconds) and
/// <c>X-Webhook-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed by the UTF-8
/// bytes of the route's secret. Several space-separated signatures are accepted, for rotation.
/// </summary>
public sealed class SharedSecretHmacVerifier : IWebhookVerifier
{
    public const string IdHeader = "X-Webhook-Id";
    public const string TimestampHeader = "X-Webhook-Timestamp";
    public const string SignatureHeader = "X-Webhook-Signature";
    private const string SignaturePrefix = "sha256=";
    private const int MaxCandidates = 8;

    public string Scheme => WebhookSchemes.HmacSha256;

    public bool IsValidSecret(string secret) => HmacSignatures.IsPrintableSecret(secret);

    public string? GenerateSecret() => HmacSignatures.GenerateSecret("whk_");

    public VerificationResult Verify(WebhookVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!HeaderReader.TryGetSingle(headers, IdHeader, out var id) || !SenderEventIds.IsValid(id)
            || !HeaderReader.TryGetSingle(headers, TimestampHeader, out var timestampText)
            || !HeaderReader.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return VerificationResult.Malformed;
        }
        if (!HeaderReader.TryGetSingle(headers, SignatureHeader, out var signatures))
        {
            return HeaderReader.IsMissing(headers, SignatureHeader) ? VerificationResult.InvalidSignature : VerificationResult.Malformed;
        }
        var expected = HmacSignatures.Compute(Encoding.UTF8.GetBytes(request.Secret), $"{id}.{timestampText}.", request.Body.Span);
        var matched = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxCandidates))
        {
            matched |= candidate.StartsWith(SignaturePrefix, StringComparison.Ordinal)
                && HmacSignatures.HexMatches(candidate.AsSpan(SignaturePrefix.Length), expected);
        }
        if (!matched)
        {
            return VerificationResult.InvalidSignature;
        }
        return HeaderReader.IsWithinTolerance(timestamp, request.Now, request.Tolerance)
            ? VerificationResult.Verified(id)
            : VerificationResult.Stale;
    }
}
