namespace Platform.AppHost;

/// <summary>One resource in <c>endpoints.json</c>.</summary>
internal sealed record ResourceEndpoints(string Type, IReadOnlyList<string> Urls, string? ConnectionString);
