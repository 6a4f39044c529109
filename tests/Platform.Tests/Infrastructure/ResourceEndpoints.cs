namespace Platform.Tests.Infrastructure;

/// <summary>One resource in <c>endpoints.json</c>: its instances (Aspire's ids) and their URLs in replica order.</summary>
public sealed record ResourceEndpoints(string Type, IReadOnlyList<string> Instances, IReadOnlyList<string> Urls, string? ConnectionString)
{
    /// <summary>Never the connection string: it holds a password.</summary>
    public override string ToString() => $"{Type} {string.Join(" ", Urls)}";
}
