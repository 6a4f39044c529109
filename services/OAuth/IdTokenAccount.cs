using System.Buffers.Text;
using System.Text.Json;

namespace Platform.OAuth;

/// <summary>
/// The provider account an ID token names, for the person's own success page: <c>email</c>, else
/// <c>preferred_username</c>, else <c>name</c>, else <c>sub</c>. Read only from a token endpoint's answer, which the
/// client received directly from the authorization server over its own connection (OpenID Connect Core 1.0,
/// section 3.1.3.7 allows TLS in place of the signature there); nothing is decided on it, it is only shown.
/// </summary>
public static class IdTokenAccount
{
    private static readonly string[] Claims = ["email", "preferred_username", "name", "sub"];

    /// <summary>The account's name, or null for a missing or unreadable ID token.</summary>
    public static string? Name(string? idToken)
    {
        var parts = idToken?.Split('.');
        if (parts is not { Length: 3 } || parts[1].Length == 0)
        {
            return null;
        }
        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            foreach (var claim in Claims)
            {
                if (payload.RootElement.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 and <= 200 } name)
                {
                    return name;
                }
            }
            return null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
