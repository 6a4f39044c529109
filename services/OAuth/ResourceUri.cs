namespace Platform.OAuth;

/// <summary>
/// The canonical URI of an MCP server (RFC 8707, MCP authorization "Canonical Server URI"): scheme and host in lower
/// case, default port dropped, no fragment, no trailing slash.
/// </summary>
public static class ResourceUri
{
    public static string Canonical(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var path = server.AbsolutePath.TrimEnd('/');
        var authority = server.IsDefaultPort ? server.IdnHost : $"{server.IdnHost}:{server.Port}";
        if (server.HostNameType == UriHostNameType.IPv6)
        {
            authority = server.IsDefaultPort ? $"[{server.IdnHost.Trim('[', ']')}]" : $"[{server.IdnHost.Trim('[', ']')}]:{server.Port}";
        }
        return $"{server.Scheme.ToLowerInvariant()}://{authority.ToLowerInvariant()}{path}{server.Query}";
    }

    /// <summary>
    /// Whether a Protected Resource Metadata <c>resource</c> covers the server we called: the same canonical URI, or
    /// the same origin with a path that is a whole-segment prefix of ours (servers that name their origin).
    /// </summary>
    public static bool Covers(string resource, Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!Uri.TryCreate(resource, UriKind.Absolute, out var declared))
        {
            return false;
        }
        var declaredCanonical = Canonical(declared);
        var serverCanonical = Canonical(server);
        if (string.Equals(declaredCanonical, serverCanonical, StringComparison.Ordinal))
        {
            return true;
        }
        return declared.Query.Length == 0 && serverCanonical.StartsWith(declaredCanonical + "/", StringComparison.Ordinal);
    }
}
