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

    /// <summary>Upstream resource URIs, or prefixes ending in <c>*</c>, that may be read; empty allows every one.</summary>
    public IReadOnlyList<string> AllowedResources { get; init; } = [];

    /// <summary>Upstream resource URIs or prefixes that may never be read; always wins.</summary>
    public IReadOnlyList<string> DeniedResources { get; init; } = [];

    /// <summary>Upstream prompt names that may be got; empty allows every one.</summary>
    public IReadOnlyList<string> AllowedPrompts { get; init; } = [];

    /// <summary>Upstream prompt names that may never be got; always wins.</summary>
    public IReadOnlyList<string> DeniedPrompts { get; init; } = [];

    public bool IsUsable => UnusableReason is null;

    /// <summary>Needs a credential of the caller's subject (anything but auth <c>none</c>).</summary>
    public bool NeedsCredential => !string.Equals(AuthMethod, AuthNone, StringComparison.Ordinal);

    /// <summary>Denied tools are neither listed nor callable; a non-empty allow list admits only its tools.</summary>
    public bool Exposes(string upstreamToolName) =>
        !DeniedTools.Contains(upstreamToolName, StringComparer.Ordinal)
        && (AllowedTools.Count == 0 || AllowedTools.Contains(upstreamToolName, StringComparer.Ordinal));

    /// <summary>
    /// Whether a resource (its upstream URI) or a resource template (its upstream URI template) may be listed, read or
    /// completed: denied entries win, a non-empty allow list admits only what its entries name or prefix.
    /// </summary>
    public bool ExposesResource(string upstreamUri) =>
        !DeniedResources.Any(entry => MatchesUri(entry, upstreamUri))
        && (AllowedResources.Count == 0 || AllowedResources.Any(entry => MatchesUri(entry, upstreamUri)));

    /// <summary>Whether a prompt (its upstream name) may be listed, got or completed.</summary>
    public bool ExposesPrompt(string upstreamPromptName) =>
        !DeniedPrompts.Contains(upstreamPromptName, StringComparer.Ordinal)
        && (AllowedPrompts.Count == 0 || AllowedPrompts.Contains(upstreamPromptName, StringComparer.Ordinal));

    private static bool MatchesUri(string entry, string uri) =>
        entry.EndsWith('*') ? uri.StartsWith(entry.AsSpan(0, entry.Length - 1), StringComparison.Ordinal) : string.Equals(entry, uri, StringComparison.Ordinal);

    /// <summary>What a person has to do before this integration's tools work, for "not connected" answers.</summary>
    public string ConnectHint => Upstream.ConnectMessages.NotConnected(DisplayName, Namespace);
}
