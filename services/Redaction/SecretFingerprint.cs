using System.Security.Cryptography;
using System.Text;

namespace Platform.Redaction;

/// <summary>
/// Turns a secret into <c>[REDACTED:&lt;12 hex&gt;]</c>: a keyed HMAC-SHA256 prefix, so equal values can be matched
/// across records without the value, or an unkeyed hash of it, ever being stored.
/// </summary>
internal sealed class SecretFingerprint
{
    public const string MarkerPrefix = "[REDACTED:";
    public const int HexLength = 12;
    public const int MarkerLength = 10 + HexLength + 1;

    // One HMAC instance per thread: the static one-shot HMACSHA256.HashData sets up a new context on every call,
    // which costs several times the hash itself on short values.
    private readonly ThreadLocal<HMACSHA256> _hmac;

    public SecretFingerprint(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < RedactionOptions.MinimumKeyLength)
        {
            throw new ArgumentException(
                $"The fingerprint key must have at least {RedactionOptions.MinimumKeyLength} characters.", nameof(key));
        }
        var keyBytes = Encoding.UTF8.GetBytes(key);
        _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(keyBytes));
    }

    public string Fingerprint(ReadOnlySpan<char> value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, bytes);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(bytes, hash, out _);
        return Convert.ToHexStringLower(hash[..(HexLength / 2)]);
    }

    public string Marker(ReadOnlySpan<char> value) => string.Concat(MarkerPrefix, Fingerprint(value), "]");

    /// <summary>True when the whole value is already a marker: redacting again must not fingerprint the marker.</summary>
    public static bool IsMarker(ReadOnlySpan<char> value)
    {
        if (value.Length != MarkerLength || !value.StartsWith(MarkerPrefix, StringComparison.Ordinal) || value[^1] != ']')
        {
            return false;
        }
        foreach (var c in value[MarkerPrefix.Length..^1])
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }
        return true;
    }
}
