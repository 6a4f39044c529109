using System.Text.RegularExpressions;

namespace Platform.Tests.Infrastructure;

/// <summary>Masks credentials before any text reaches the test output.</summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text, IEnumerable<string>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in knownSecrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }
        text = PasswordSetting().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        return UriPassword().Replace(text, m => m.Groups["prefix"].Value + Mask + "@");
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd))\s*=\s*[^;""\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.-]*://[^:/@\s""]+:)[^@\s""]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UriPassword();
}
