namespace Platform.Redaction;

/// <summary>
/// The credentials a call used, to be hidden wherever they appear: as a whole value always, and inside longer text
/// when long enough that a match cannot be a coincidence.
/// </summary>
internal sealed class KnownSecrets
{
    /// <summary>Shorter secrets are only hidden where a value equals them; inside text they would hit ordinary words.</summary>
    public const int MinimumEmbeddedLength = 6;

    public static readonly KnownSecrets None = new([]);

    private readonly string[] _secrets;

    private KnownSecrets(string[] secrets) => _secrets = secrets;

    public bool IsEmpty => _secrets.Length == 0;

    public static KnownSecrets From(IReadOnlyCollection<string>? secrets)
    {
        if (secrets is null || secrets.Count == 0)
        {
            return None;
        }
        // Longest first, so a secret that contains another is hidden whole.
        return new KnownSecrets([.. secrets
            .Where(secret => !string.IsNullOrWhiteSpace(secret) && !SecretFingerprint.IsMarker(secret))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)]);
    }

    public bool IsExactly(string value)
    {
        foreach (var secret in _secrets)
        {
            if (string.Equals(secret, value, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public string ReplaceEmbedded(string text, SecretFingerprint fingerprint)
    {
        foreach (var secret in _secrets)
        {
            if (secret.Length >= MinimumEmbeddedLength && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, fingerprint.Marker(secret), StringComparison.Ordinal);
            }
        }
        return text;
    }
}
