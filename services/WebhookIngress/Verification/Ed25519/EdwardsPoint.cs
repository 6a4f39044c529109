using System.Numerics;
using static Platform.WebhookIngress.Verification.Ed25519.Curve25519Field;

namespace Platform.WebhookIngress.Verification.Ed25519;

/// <summary>
/// A point of edwards25519 in extended homogeneous coordinates (x = X/Z, y = Y/Z, x*y = T/Z), with the
/// addition, doubling, decoding and encoding of RFC 8032 §5.1.2-§5.1.4. Only public values pass through here
/// (keys, signatures, messages), so the arithmetic need not be constant-time.
/// </summary>
internal readonly record struct EdwardsPoint(BigInteger X, BigInteger Y, BigInteger Z, BigInteger T)
{
    public static readonly EdwardsPoint Identity = new(0, 1, 1, 0);

    /// <summary>The base point B, from its standard encoding (y = 4/5, x even).</summary>
    public static readonly EdwardsPoint Base = TryDecode(Convert.FromHexString("5866666666666666666666666666666666666666666666666666666666666666"), out var point)
        ? point
        : throw new InvalidOperationException("The base point encoding did not decode.");

    public EdwardsPoint Add(EdwardsPoint other)
    {
        var a = Mod((Y - X) * (other.Y - other.X));
        var b = Mod((Y + X) * (other.Y + other.X));
        var c = Mod(T * 2 * D * other.T);
        var d = Mod(Z * 2 * other.Z);
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new EdwardsPoint(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    public EdwardsPoint Double()
    {
        var a = Mod(X * X);
        var b = Mod(Y * Y);
        var c = Mod(2 * Z * Z);
        var h = a + b;
        var e = h - Mod((X + Y) * (X + Y));
        var g = a - b;
        var f = c + g;
        return new EdwardsPoint(Mod(e * f), Mod(g * h), Mod(f * g), Mod(e * h));
    }

    public EdwardsPoint Negate() => new(Mod(-X), Y, Z, Mod(-T));

    /// <summary>[scalar]this, by double-and-add from the most significant bit.</summary>
    public EdwardsPoint Multiply(BigInteger scalar)
    {
        var result = Identity;
        for (var bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = result.Double();
            if (!(scalar >> bit).IsEven)
            {
                result = result.Add(this);
            }
        }
        return result;
    }

    /// <summary>The neutral element in projective form: X = 0 and Y = Z.</summary>
    public bool IsIdentity => Mod(X).IsZero && Mod(Y - Z).IsZero;

    /// <summary>RFC 8032 §5.1.2: y in little-endian, the low bit of x in the top bit.</summary>
    public byte[] Encode()
    {
        var zInverse = Invert(Z);
        var x = Mod(X * zInverse);
        var y = Mod(Y * zInverse);
        var bytes = ToLittleEndian32(y);
        if (!x.IsEven)
        {
            bytes[31] |= 0x80;
        }
        return bytes;
    }

    /// <summary>RFC 8032 §5.1.3; refuses y ≥ p, points off the curve, and x = 0 with the sign bit set.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out EdwardsPoint point)
    {
        point = Identity;
        if (encoded.Length != 32)
        {
            return false;
        }
        Span<byte> yBytes = stackalloc byte[32];
        encoded.CopyTo(yBytes);
        var xIsOdd = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7F;
        var y = FromLittleEndian(yBytes);
        if (y >= P)
        {
            return false;
        }
        var ySquared = Mod(y * y);
        var u = Mod(ySquared - 1);
        var v = Mod(D * ySquared + 1);
        var v3 = Mod(v * v * v);
        var x = Mod(u * v3 * BigInteger.ModPow(Mod(u * v3 * v3 * v), (P - 5) / 8, P));
        var vxSquared = Mod(v * x * x);
        if (vxSquared != u)
        {
            if (vxSquared != Mod(-u))
            {
                return false;
            }
            x = Mod(x * SqrtMinusOne);
        }
        if (x.IsZero && xIsOdd)
        {
            return false;
        }
        if (!x.IsEven != xIsOdd)
        {
            x = P - x;
        }
        point = new EdwardsPoint(x, y, 1, Mod(x * y));
        return true;
    }
}
