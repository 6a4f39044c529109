namespace Platform.McpEdge.Upstream;

/// <summary>
/// Every sentence an agent gets when its person has to connect (or connect again) an integration before its tools
/// work: never connected, revoked, needing re-authorization, or a token the provider no longer accepts. One place,
/// so what to do (and, later, the connect link) is said the same way on every path.
/// </summary>
public static class ConnectMessages
{
    /// <summary>The person has no credential on the install (for a tool call).</summary>
    public static string NotConnected(string integration, string ns) =>
        $"Not connected: connect {integration} (integration '{ns}') for your account, then call the tool again.";

    /// <summary>The same, as the reason a listing or <c>platform__list_integrations</c> shows.</summary>
    public static string NotConnectedReason(string integration, string ns) =>
        $"Not connected: connect {integration} (integration '{ns}') for your account to use its tools.";

    /// <summary>The credential exists but is not usable: <c>revoked</c>, <c>expired</c>, <c>needs-reauth</c>.</summary>
    public static string CredentialNotActive(string integration, string ns, string status) =>
        $"Not connected: your credential for {integration} (integration '{ns}') is {status}; connect it again, then call the tool again.";

    /// <summary>The provider refused to renew the person's access (its refresh token is revoked or expired: <c>invalid_grant</c>).</summary>
    public static string NeedsReauthorization(string integration, string ns) =>
        $"Not connected: {integration} no longer accepts your authorization (integration '{ns}'); connect it again to approve access anew, then call the tool again.";

    /// <summary>The credential lacks a vault secret it needs.</summary>
    public static string MissingSecret(string integration, string ns, string role) =>
        $"Not connected: the credential for {integration} (integration '{ns}') holds no {role}; connect it again.";

    /// <summary>The credential's secret was revoked or destroyed in the vault.</summary>
    public static string SecretGone(string integration, string ns) =>
        $"Not connected: the secret of your {integration} credential (integration '{ns}') is no longer available; connect it again.";

    /// <summary>The upstream refused the credential (a 401 after one renewal, or a 403).</summary>
    public static string CredentialRefused(string integration, string ns, int status) =>
        $"{integration} refused your credential (HTTP {status}). Connect {integration} (integration '{ns}') again, then retry.";

    /// <summary>A <c>403 insufficient_scope</c>: the call needs a wider grant than the person gave.</summary>
    public static string InsufficientScope(string integration, string ns, string scopes) =>
        $"{integration} needs more access for this call than you granted: connect {integration} (integration '{ns}') again and approve the scopes \"{scopes}\", then call the tool again.";
}
