using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.OAuth.Tests.RealServer;

/// <summary>
/// What a protected MCP server checks in an RS256 JWT access token (RFC 9068): the signature by the issuer's JWKS,
/// the issuer, the audience (this server), the expiry; returns the token's scopes, or null when it is not valid.
/// </summary>
public sealed class JwtAccessTokenValidator(string issuer, string audience, HttpClient http)
{
    private JsonElement? _keys;

    public async Task<string[]?> ValidateAsync(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        using var header = JsonDocument.Parse(Decode(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return null;
        }
        var kid = header.RootElement.TryGetProperty("kid", out var k) ? k.GetString() : null;
        _keys ??= await LoadKeysAsync();
        var key = _keys.Value.EnumerateArray().FirstOrDefault(j => j.GetProperty("kty").GetString() == "RSA" && (kid is null || j.GetProperty("kid").GetString() == kid));
        if (key.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        using var rsa = RSA.Create(new RSAParameters { Modulus = Decode(key.GetProperty("n").GetString()!), Exponent = Decode(key.GetProperty("e").GetString()!) });
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return null;
        }
        using var payload = JsonDocument.Parse(Decode(parts[1]));
        var claims = payload.RootElement;
        var audiences = claims.GetProperty("aud") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(a => a.GetString()).ToArray() : [claims.GetProperty("aud").GetString()];
        if (claims.GetProperty("iss").GetString() != issuer || !audiences.Contains(audience)
            || DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) < DateTimeOffset.UtcNow)
        {
            return null;
        }
        return claims.TryGetProperty("scope", out var scope) ? scope.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    private async Task<JsonElement> LoadKeysAsync()
    {
        using var configuration = JsonDocument.Parse(await http.GetStringAsync($"{issuer}/.well-known/openid-configuration"));
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(configuration.RootElement.GetProperty("jwks_uri").GetString()));
        return jwks.RootElement.GetProperty("keys").Clone();
    }

    private static byte[] Decode(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }
}
