using System.Security.Cryptography;
using System.Text;

namespace Platform.WebhookIngress.Verification;

/// <summary>
/// GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>, keyed by the webhook's secret;
/// <c>X-GitHub-Delivery</c> (a GUID, the same on redelivery) is the event id. GitHub signs no timestamp and not the
/// delivery id, so a captured delivery could be replayed under a new id: the SHA-256 of the signed body is a second
/// dedupe key.
/// </summary>
public sealed class GitHubVerifier : IWebhookVerifier
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    private const string SignaturePrefix = "sha256=";

    public string Scheme => WebhookSchemes.GitHub;

    public bool IsValidSecret(string secret) => HmacSignatures.IsPrintableSecret(secret);

    public string? GenerateSecret() => HmacSignatures.GenerateSecret("ghs_");

    public VerificationResult Verify(WebhookVerificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!HeaderReader.TryGetSingle(headers, DeliveryHeader, out var delivery) || !SenderEventIds.IsValid(delivery))
        {
            return VerificationResult.Malformed;
        }
        if (!HeaderReader.TryGetSingle(headers, SignatureHeader, out var signature))
        {
            return HeaderReader.IsMissing(headers, SignatureHeader) ? VerificationResult.InvalidSignature : VerificationResult.Malformed;
        }
        var expected = HmacSignatures.Compute(Encoding.UTF8.GetBytes(request.Secret), string.Empty, request.Body.Span);
        var matched = signature.StartsWith(SignaturePrefix, StringComparison.Ordinal)
            && HmacSignatures.HexMatches(signature.AsSpan(SignaturePrefix.Length), expected);
        return matched
            ? VerificationResult.Verified(delivery, Convert.ToHexStringLower(SHA256.HashData(request.Body.Span)))
            : VerificationResult.InvalidSignature;
    }
}
