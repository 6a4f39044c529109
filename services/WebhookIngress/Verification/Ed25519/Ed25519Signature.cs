using System.Security.Cryptography;
using static Platform.WebhookIngress.Verification.Ed25519.Curve25519Field;

namespace Platform.WebhookIngress.Verification.Ed25519;

/// <summary>
/// Ed25519 signature verification (RFC 8032 §5.1.7). .NET 10 has no public Ed25519 API and the package registry
/// here holds no library with one (NSec, libsodium, BouncyCastle), so this is a small implementation over
/// <see cref="System.Numerics.BigInteger"/>, checked against the RFC's test vectors in WebhookIngress.Tests.
/// </summary>
public static class Ed25519Signature
{
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    /// <summary>
    /// Whether <paramref name="publicKey"/> is the encoding of a point of the curve that is not of small order. A
    /// small-order key (one of the 8 points with [8]A = identity, e.g. the identity itself) makes the cofactored
    /// equation independent of the message, so a signature made without any private key verifies for every body.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) =>
        EdwardsPoint.TryDecode(publicKey, out var point) && !point.Double().Double().Double().IsIdentity;

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }
        if (!IsValidPublicKey(publicKey) || !EdwardsPoint.TryDecode(publicKey, out var a) || !EdwardsPoint.TryDecode(signature[..32], out var r))
        {
            return false;
        }
        var s = FromLittleEndian(signature[32..]);
        if (s >= L)
        {
            return false;
        }
        var k = FromLittleEndian(Hash(signature[..32], publicKey, message)) % L;

        // The cofactored group equation [8][S]B = [8]R + [8][k]A, checked as [8]([S]B - R - [k]A) = identity.
        var difference = EdwardsPoint.Base.Multiply(s)
            .Add(r.Negate())
            .Add(a.Multiply(k).Negate());
        return difference.Double().Double().Double().IsIdentity;
    }

    /// <summary>SHA-512(R || A || M), the challenge hash.</summary>
    private static byte[] Hash(ReadOnlySpan<byte> r, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha512.AppendData(r);
        sha512.AppendData(publicKey);
        sha512.AppendData(message);
        return sha512.GetHashAndReset();
    }
}
