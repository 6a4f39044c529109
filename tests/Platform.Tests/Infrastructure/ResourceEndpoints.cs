namespace Platform.Tests.Infrastructure;

/// <summary>One resource in <c>endpoints.json</c>.</summary>
public sealed record ResourceEndpoints(string Type, IReadOnlyList<string> Urls, string? ConnectionString)
{
    /// <summary>Never the connection string: it holds a password.</summary>
    public override string ToString() => $"{Type} {string.Join(" ", Urls)}";
}
