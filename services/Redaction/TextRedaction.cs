using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Redaction;

/// <summary>Hides known secrets, then every <see cref="SecretPatterns"/> match, in one piece of text.</summary>
internal static class TextRedaction
{
    public static string Redact(string text, KnownSecrets knownSecrets, SecretFingerprint fingerprint)
    {
        if (text.Length == 0 || SecretFingerprint.IsMarker(text))
        {
            return text;
        }
        if (knownSecrets.IsExactly(text))
        {
            return fingerprint.Marker(text);
        }
        var result = knownSecrets.IsEmpty ? text : knownSecrets.ReplaceEmbedded(text, fingerprint);
        foreach (var pattern in SecretPatterns.All)
        {
            result = Replace(pattern, result, fingerprint);
        }
        return result;
    }

    private static string Replace(Regex pattern, string text, SecretFingerprint fingerprint)
    {
        // The allocation-free check first: almost all text holds no secret.
        if (!pattern.IsMatch(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var secret = match.Groups["secret"];
            var (start, length) = secret.Success ? (secret.Index, secret.Length) : (match.Index, match.Length);
            builder.Append(text, copied, start - copied).Append(fingerprint.Marker(text.AsSpan(start, length)));
            copied = start + length;
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }
}
