using System.Security.Cryptography;
using System.Text;

namespace Platform.OAuth;

/// <summary>RFC 7636 with S256 only, and the random values the flow needs (state).</summary>
public static class Pkce
{
    public const string Method = "S256";

    /// <summary>43 characters of base64url from 32 random bytes: a verifier, or a state.</summary>
    public static string NewRandom() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
