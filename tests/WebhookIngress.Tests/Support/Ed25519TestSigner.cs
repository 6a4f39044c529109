using System.Numerics;
using System.Security.Cryptography;

namespace Platform.WebhookIngress.Tests.Support;

/// <summary>
/// Ed25519 key derivation and signing (RFC 8032 §5.1.5-§5.1.6) for tests, written independently of the service's
/// verifier: affine coordinates, one inversion per addition. Slow and not constant-time; never for production keys.
/// </summary>
public static class Ed25519TestSigner
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly BigInteger D = Mod(-121665 * Inverse(121666));
    private static readonly (BigInteger X, BigInteger Y) BasePoint = CreateBasePoint();

    public static byte[] PublicKey(byte[] seed)
    {
        var (scalar, _) = Expand(seed);
        return Encode(Multiply(BasePoint, scalar));
    }

    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var (scalar, prefix) = Expand(seed);
        var publicKey = Encode(Multiply(BasePoint, scalar));
        var r = Integer(SHA512.HashData([.. prefix, .. message])) % L;
        var encodedR = Encode(Multiply(BasePoint, r));
        var k = Integer(SHA512.HashData([.. encodedR, .. publicKey, .. message])) % L;
        var s = (r + (k * scalar)) % L;
        return [.. encodedR, .. Bytes32(s)];
    }

    private static (BigInteger Scalar, byte[] Prefix) Expand(byte[] seed)
    {
        var hash = SHA512.HashData(seed);
        var low = hash[..32];
        low[0] &= 248;
        low[31] &= 127;
        low[31] |= 64;
        return (Integer(low), hash[32..]);
    }

    private static (BigInteger X, BigInteger Y) Add((BigInteger X, BigInteger Y) a, (BigInteger X, BigInteger Y) b)
    {
        var t = Mod(D * a.X * b.X * a.Y * b.Y);
        var x = Mod(((a.X * b.Y) + (b.X * a.Y)) * Inverse(1 + t));
        var y = Mod(((a.Y * b.Y) + (a.X * b.X)) * Inverse(1 - t));
        return (x, y);
    }

    private static (BigInteger X, BigInteger Y) Multiply((BigInteger X, BigInteger Y) point, BigInteger scalar)
    {
        (BigInteger X, BigInteger Y) result = (0, 1);
        var addend = point;
        while (scalar > 0)
        {
            if (!scalar.IsEven)
            {
                result = Add(result, addend);
            }
            addend = Add(addend, addend);
            scalar >>= 1;
        }
        return result;
    }

    private static byte[] Encode((BigInteger X, BigInteger Y) point)
    {
        var bytes = Bytes32(point.Y);
        bytes[31] |= (byte)(point.X.IsEven ? 0 : 0x80);
        return bytes;
    }

    private static (BigInteger X, BigInteger Y) CreateBasePoint()
    {
        var y = Mod(4 * Inverse(5));
        var xx = Mod(((y * y) - 1) * Inverse((D * y * y) + 1));
        var x = BigInteger.ModPow(xx, (P + 3) / 8, P);
        if (Mod((x * x) - xx) != 0)
        {
            x = Mod(x * BigInteger.ModPow(2, (P - 1) / 4, P));
        }
        return (x.IsEven ? x : P - x, y);
    }

    private static BigInteger Mod(BigInteger value) => ((value % P) + P) % P;

    private static BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);

    private static BigInteger Integer(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    private static byte[] Bytes32(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}
