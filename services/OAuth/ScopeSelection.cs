namespace Platform.OAuth;

/// <summary>The MCP spec's scope rules, and the union a step-up asks for.</summary>
public static class ScopeSelection
{
    /// <summary>The challenge's scope, else the resource metadata's <c>scopes_supported</c>, else the configured scopes, else none.</summary>
    public static string? Choose(string? challengeScope, IReadOnlyList<string>? scopesSupported, IReadOnlyList<string> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (!string.IsNullOrWhiteSpace(challengeScope))
        {
            return Join(Split(challengeScope));
        }
        if (scopesSupported is { Count: > 0 })
        {
            return Join(scopesSupported);
        }
        return configured.Count > 0 ? Join(configured) : null;
    }

    /// <summary>
    /// Adds, where the authorization server lists them, <c>offline_access</c> (so that a refresh token comes) and
    /// <c>openid</c> (so that the token answer's ID token names the account the person signed in with, for the page
    /// that confirms the connection).
    /// </summary>
    public static string? WithPlatformScopes(string? scope, IReadOnlyList<string>? serverScopes)
    {
        foreach (var extra in (string[])["offline_access", "openid"])
        {
            if (serverScopes is not null && serverScopes.Contains(extra, StringComparer.Ordinal))
            {
                scope = Union(scope, extra);
            }
        }
        return scope;
    }

    public static string? Union(string? first, string? second)
    {
        var all = Split(first).Concat(Split(second)).ToList();
        return all.Count == 0 ? null : Join(all);
    }

    public static IReadOnlyList<string> Split(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? [] : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes.Distinct(StringComparer.Ordinal));
}
