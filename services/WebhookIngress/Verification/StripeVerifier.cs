using System.Text;

namespace Platform.WebhookIngress.Verification;

/// <summary>
/// Stripe: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…][,v0=…]</c>; each <c>v1</c> is a hex HMAC-SHA256 of
/// <c>{t}.{body}</c> keyed by the whole endpoint secret string (<c>whsec_…</c> as Stripe shows it). Any <c>v1</c> may
/// match (Stripe sends two while a secret is rolled); other schemes (<c>v0</c>) are ignored. The event id is the
/// body's <c>id</c> (<c>evt_…</c>), which Stripe keeps on retries.
/// </summary>
public sealed class StripeVerifier : IWebhookVerifier
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>At most this many <c>v1</c> entries are compared.</summary>
    private const int MaxCandidates = 8;

    public string Scheme => WebhookSchemes.Stripe;

    public bool IsValidSecret(string secret) => HmacSignatures.IsPrintableSecret(secret);

    /// <summary>Stripe issues the endpoint secret; the route is given it.</summary>
    public string? GenerateSecret() => null;

    public VerificationResult Verify(WebhookVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!HeaderReader.TryGetSingle(headers, SignatureHeader, out var header))
        {
            return HeaderReader.IsMissing(headers, SignatureHeader) ? VerificationResult.InvalidSignature : VerificationResult.Malformed;
        }
        string? timestampText = null;
        var candidates = new List<string>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return VerificationResult.Malformed;
            }
            var (key, value) = (item[..separator], item[(separator + 1)..]);
            if (key == "t")
            {
                if (timestampText is not null)
                {
                    return VerificationResult.Malformed;
                }
                timestampText = value;
            }
            else if (key == "v1" && candidates.Count < MaxCandidates)
            {
                candidates.Add(value);
            }
        }
        if (timestampText is null || !HeaderReader.TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return VerificationResult.Malformed;
        }
        var prefix = timestampText + ".";
        var expected = HmacSignatures.Compute(Encoding.UTF8.GetBytes(request.Secret), prefix, request.Body.Span);
        var matched = false;
        foreach (var candidate in candidates)
        {
            matched |= HmacSignatures.HexMatches(candidate, expected);
        }
        if (!matched)
        {
            return VerificationResult.InvalidSignature;
        }
        if (!HeaderReader.IsWithinTolerance(timestamp, request.Now, request.Tolerance))
        {
            return VerificationResult.Stale;
        }
        var id = JsonBodyFields.TryGetString(request.Body, "id");
        return VerificationResult.Verified(SenderEventIds.IsValid(id) ? id! : SenderEventIds.FromContent(Encoding.UTF8.GetBytes(prefix), request.Body.Span));
    }
}
