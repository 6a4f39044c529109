using Platform.OAuth;

namespace Platform.OAuthBroker.Engine;

/// <summary>One install as an OAuth client sees it: the MCP server, the auth method's kind, and the engine's settings.</summary>
public sealed record InstallClient(Uri Server, string AuthMethodKind, OAuthClientSettings Settings)
{
    public const string OAuthKind = "oauth";

    public override string ToString() => $"InstallClient {{ Server = {Server}, AuthMethodKind = {AuthMethodKind} }}";
}
