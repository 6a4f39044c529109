using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.IntegrationRegistry.Security;

/// <summary>
/// Agent tokens and admin keys: a prefix plus 256 random bits (base64url). Only their SHA-256 is stored; with
/// that much entropy a fast hash is enough, since guessing is hopeless and there is no password to stretch.
/// </summary>
public static class SecretToken
{
    private const int RandomBytes = 32;

    public static string Create(string prefix) => prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
