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

    /// <summary>Adds <c>offline_access</c> when the authorization server lists it, so that a refresh token comes.</summary>
    public static string? WithOfflineAccess(string? scope, IReadOnlyList<string>? serverScopes)
    {
        if (serverScopes is null || !serverScopes.Contains("offline_access", StringComparer.Ordinal))
        {
            return scope;
        }
        return Union(scope, "offline_access");
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
