namespace Platform.McpEdge.Upstream;

/// <summary>
/// What a call presents to an upstream: headers (empty for auth <c>none</c>), the credential they came from, and
/// the secret values themselves so the audit record can redact any argument equal to one. Never printed.
/// </summary>
public sealed class UpstreamCredential
{
    public static readonly UpstreamCredential None = new(null, new Dictionary<string, string>(), [], "none");

    public UpstreamCredential(Guid? credentialId, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> secretValues, string fingerprint)
    {
        CredentialId = credentialId;
        Headers = headers;
        SecretValues = secretValues;
        Fingerprint = fingerprint;
    }

    public Guid? CredentialId { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyList<string> SecretValues { get; }

    /// <summary>The SHA-256 (hex) of an OAuth access token, so a refused token can be named to the broker; null otherwise.</summary>
    public string? AccessTokenSha256 { get; init; }

    /// <summary>A hash of the headers: a changed secret means a new upstream session, never a reused one.</summary>
    public string Fingerprint { get; }

    public override string ToString() => $"UpstreamCredential {{ CredentialId = {CredentialId} }}";
}
