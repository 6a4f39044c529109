namespace Platform.Redaction;

/// <summary>Settings of section <c>Redaction</c>.</summary>
public sealed class RedactionOptions
{
    public const string SectionName = "Redaction";

    /// <summary>Shortest key accepted: a fingerprint keyed with less could be brute-forced for short secrets.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The HMAC-SHA256 key of fingerprints (<c>Redaction:FingerprintKey</c>). Every service that redacts must share
    /// it, so that the same secret gets the same fingerprint wherever it was seen.
    /// </summary>
    public string FingerprintKey { get; set; } = string.Empty;
}
