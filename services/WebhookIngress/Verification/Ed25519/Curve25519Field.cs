using System.Numerics;

namespace Platform.WebhookIngress.Verification.Ed25519;

/// <summary>Arithmetic modulo p = 2^255 - 19, and the curve constants of edwards25519 (RFC 8032 §5.1).</summary>
internal static class Curve25519Field
{
    public static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    /// <summary>The order L of the base point: 2^252 + 27742317777372353535851937790883648493.</summary>
    public static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>d = -121665 / 121666.</summary>
    public static readonly BigInteger D = Mod(-121665 * Invert(121666));

    /// <summary>sqrt(-1) = 2^((p-1)/4).</summary>
    public static readonly BigInteger SqrtMinusOne = BigInteger.ModPow(2, (P - 1) / 4, P);

    public static BigInteger Mod(BigInteger value)
    {
        var result = value % P;
        return result.Sign < 0 ? result + P : result;
    }

    public static BigInteger Invert(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    /// <summary>Little-endian unsigned integer, as RFC 8032 encodes field elements and scalars.</summary>
    public static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    public static byte[] ToLittleEndian32(BigInteger value)
    {
        var bytes = new byte[32];
        if (!value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value does not fit in 32 bytes.");
        }
        return bytes;
    }
}
