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

    /// <summary>
    /// Allowed caller, but not for this secret: its purpose is not the caller's business, or its reference does not
    /// belong to its tenant (another tenant's variable or Key Vault, a platform variable, an unknown tenant).
    /// </summary>
    public const string Refused = "refused";

    /// <summary>An authenticated platform service that may not do this.</summary>
    public const string Denied = "denied";

    /// <summary>No valid service credential.</summary>
    public const string Unauthenticated = "unauthenticated";
}
