namespace Platform.SecretsVault.Storage;

/// <summary>How an operation ended (<c>access_log.outcome</c>).</summary>
public static class AccessOutcomes
{
    public const string Ok = "ok";
    public const string NotFound = "not-found";
    public const string Revoked = "revoked";
    public const string SourceUnavailable = "source-unavailable";
    public const string Undecryptable = "undecryptable";
    public const string Conflict = "conflict";

    /// <summary>An authenticated platform service that may not do this.</summary>
    public const string Denied = "denied";

    /// <summary>No valid service credential.</summary>
    public const string Unauthenticated = "unauthenticated";
}
