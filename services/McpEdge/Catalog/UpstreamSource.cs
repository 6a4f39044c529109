namespace Platform.McpEdge.Catalog;

/// <summary>
/// One upstream MCP server as one caller sees it: its namespace (the prefix of its tools' names), how to reach
/// and authenticate to it, its tool lists and timeout, and — when it cannot be used — why not.
/// </summary>
public sealed record UpstreamSource(
    Guid Id,
    UpstreamSourceKind Kind,
    string Namespace,
    string DisplayName,
    Uri? Endpoint,
    string AuthMethod,
    IReadOnlyList<string> AllowedTools,
    IReadOnlyList<string> DeniedTools,
    TimeSpan CallTimeout,
    bool Connected,
    string? UnusableReason)
{
    public const string AuthNone = "none";

    public bool IsUsable => UnusableReason is null;

    /// <summary>Needs a credential of the caller's subject (anything but auth <c>none</c>).</summary>
    public bool NeedsCredential => !string.Equals(AuthMethod, AuthNone, StringComparison.Ordinal);

    /// <summary>Denied tools are neither listed nor callable; a non-empty allow list admits only its tools.</summary>
    public bool Exposes(string upstreamToolName) =>
        !DeniedTools.Contains(upstreamToolName, StringComparer.Ordinal)
        && (AllowedTools.Count == 0 || AllowedTools.Contains(upstreamToolName, StringComparer.Ordinal));

    /// <summary>What a person has to do before this integration's tools work, for "not connected" answers.</summary>
    public string ConnectHint => $"Not connected: connect {DisplayName} (integration '{Namespace}') for your account, then call the tool again.";
}
