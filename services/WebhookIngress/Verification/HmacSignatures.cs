using System.Security.Cryptography;
using System.Text;

namespace Platform.WebhookIngress.Verification;

/// <summary>HMAC-SHA256 over a prefix followed by the raw body, and constant-time comparison with what a sender sent.</summary>
internal static class HmacSignatures
{
    public static byte[] Compute(ReadOnlySpan<byte> key, string prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>Compares a hex-encoded candidate (either case) with <paramref name="expected"/> in constant time.</summary>
    public static bool HexMatches(ReadOnlySpan<char> candidateHex, ReadOnlySpan<byte> expected)
    {
        if (candidateHex.Length != expected.Length * 2)
        {
            return false;
        }
        Span<byte> candidate = stackalloc byte[expected.Length];
        return Convert.FromHexString(candidateHex, candidate, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(candidate, expected);
    }

    /// <summary>Compares a base64-encoded candidate with <paramref name="expected"/> in constant time.</summary>
    public static bool Base64Matches(ReadOnlySpan<char> candidateBase64, ReadOnlySpan<byte> expected)
    {
        Span<byte> candidate = stackalloc byte[64];
        return Convert.TryFromBase64Chars(candidateBase64, candidate, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(candidate[..written], expected);
    }

    /// <summary>A random secret: 32 bytes as unpadded base64url, with a readable prefix.</summary>
    public static string GenerateSecret(string prefix)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        return prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A shared secret typed by a person or issued by a sender: printable ASCII (spaces allowed), 16 to 256 characters.</summary>
    public static bool IsPrintableSecret(string secret) =>
        secret.Length is >= 16 and <= 256 && secret.All(c => c is >= ' ' and <= '~');
}
