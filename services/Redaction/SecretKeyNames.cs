namespace Platform.Redaction;

/// <summary>
/// Decides whether a JSON property name (or a header name) names a secret. Names are compared after lower-casing
/// and dropping separators, so <c>api_key</c>, <c>Api-Key</c>, <c>apiKey</c> and <c>x-api-key</c> are all caught.
/// </summary>
internal static class SecretKeyNames
{
    /// <summary>A name that contains one of these is secret.</summary>
    private static readonly string[] Fragments =
    [
        "token", "secret", "password", "passwd", "passphrase", "apikey", "authorization", "cookie", "credential",
        "privatekey", "session", "accesskey", "signingkey", "encryptionkey", "bearer", "jwt",
    ];

    /// <summary>A name equal to one of these is secret (as fragments they would match too much: "author", "hotpath").</summary>
    private static readonly string[] ExactNames = ["auth", "pwd", "pass", "otp", "pin", "signature"];

    private const int StackLimit = 128;

    public static bool IsSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = name.Length <= StackLimit ? stackalloc char[StackLimit] : new char[name.Length];
        var normalized = Normalize(name, buffer);
        foreach (var fragment in Fragments)
        {
            if (normalized.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }
        foreach (var exact in ExactNames)
        {
            if (normalized.SequenceEqual(exact))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>max_tokens</c>, <c>input_tokens</c>, <c>token_count</c>: counts of language-model tokens, not credentials.
    /// Only a number under such a name is left alone; a string there is still redacted.
    /// </summary>
    public static bool IsTokenCount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = name.Length <= StackLimit ? stackalloc char[StackLimit] : new char[name.Length];
        var normalized = Normalize(name, buffer);
        return normalized.EndsWith("tokens", StringComparison.Ordinal)
            || normalized.EndsWith("tokencount", StringComparison.Ordinal)
            || normalized.EndsWith("tokenlimit", StringComparison.Ordinal);
    }

    /// <summary>Lower-case ASCII letters and digits only.</summary>
    private static ReadOnlySpan<char> Normalize(string name, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return buffer[..length];
    }
}
