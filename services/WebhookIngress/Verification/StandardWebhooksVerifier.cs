using System.Text;
using Platform.WebhookIngress.Verification.Ed25519;

namespace Platform.WebhookIngress.Verification;

/// <summary>
/// Standard Webhooks (standardwebhooks.com, spec v1): the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>;
/// <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> (key: the base64 after <c>whsec_</c>)
/// and/or <c>v1a,&lt;base64 Ed25519&gt;</c> (verified with the route's <c>whpk_</c> public key). Any one match is enough,
/// so senders can rotate keys by signing with both.
/// </summary>
public sealed class StandardWebhooksVerifier : IWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SymmetricSecretPrefix = "whsec_";
    public const string PublicKeyPrefix = "whpk_";

    /// <summary>At most this many candidate signatures are read, which bounds the work one request can cause.</summary>
    private const int MaxCandidates = 8;

    /// <summary>Ed25519 checks cost milliseconds each (see <see cref="Ed25519Signature"/>); rotation needs two at most.</summary>
    private const int MaxEd25519Checks = 3;

    public string Scheme => WebhookSchemes.StandardWebhooks;

    public bool IsValidSecret(string secret) =>
        TryGetHmacKey(secret, out _) || TryGetPublicKey(secret, out _);

    public string? GenerateSecret() =>
        SymmetricSecretPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

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
        var prefix = $"{id}.{timestampText}.";
        var body = request.Body.Span;
        var matched = TryGetHmacKey(request.Secret, out var key)
            ? MatchesHmac(signatures, HmacSignatures.Compute(key, prefix, body))
            : TryGetPublicKey(request.Secret, out var publicKey) && MatchesEd25519(signatures, publicKey, prefix, body);
        if (!matched)
        {
            return VerificationResult.InvalidSignature;
        }
        return HeaderReader.IsWithinTolerance(timestamp, request.Now, request.Tolerance)
            ? VerificationResult.Verified(id)
            : VerificationResult.Stale;
    }

    private static bool MatchesHmac(string signatures, byte[] expected)
    {
        var matched = false;
        foreach (var candidate in Candidates(signatures, "v1,"))
        {
            matched |= HmacSignatures.Base64Matches(candidate, expected);
        }
        return matched;
    }

    private static bool MatchesEd25519(string signatures, byte[] publicKey, string prefix, ReadOnlySpan<byte> body)
    {
        byte[]? message = null;
        Span<byte> signature = stackalloc byte[Ed25519Signature.SignatureSize];
        foreach (var candidate in Candidates(signatures, "v1a,").Take(MaxEd25519Checks))
        {
            if (!Convert.TryFromBase64Chars(candidate, signature, out var written) || written != Ed25519Signature.SignatureSize)
            {
                continue;
            }
            message ??= [.. Encoding.UTF8.GetBytes(prefix), .. body];
            if (Ed25519Signature.Verify(publicKey, message, signature))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The signature parts of the space-separated entries with the given version prefix, at most <see cref="MaxCandidates"/>.</summary>
    private static IEnumerable<string> Candidates(string signatures, string versionPrefix) =>
        signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(MaxCandidates)
            .Where(entry => entry.StartsWith(versionPrefix, StringComparison.Ordinal))
            .Select(entry => entry[versionPrefix.Length..]);

    /// <summary><c>whsec_</c> + base64 of 24 to 64 bytes (the spec's bounds for a symmetric key).</summary>
    private static bool TryGetHmacKey(string secret, out byte[] key) =>
        TryDecodePrefixed(secret, SymmetricSecretPrefix, out key) && key.Length is >= 24 and <= 64;

    /// <summary><c>whpk_</c> + base64 of a 32-byte Ed25519 public key that decodes to a curve point.</summary>
    private static bool TryGetPublicKey(string secret, out byte[] key) =>
        TryDecodePrefixed(secret, PublicKeyPrefix, out key)
        && key.Length == Ed25519Signature.PublicKeySize
        && Ed25519Signature.IsValidPublicKey(key);

    private static bool TryDecodePrefixed(string secret, string prefix, out byte[] bytes)
    {
        bytes = [];
        if (!secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var encoded = secret.AsSpan(prefix.Length);
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written))
        {
            return false;
        }
        bytes = buffer[..written];
        return true;
    }
}
