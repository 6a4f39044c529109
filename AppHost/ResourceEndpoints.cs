namespace Platform.AppHost;

/// <summary>One resource in <c>endpoints.json</c>: its instances (Aspire's ids, which the services report as their instance id) and their URLs in the same order.</summary>
internal sealed record ResourceEndpoints(string Type, IReadOnlyList<string> Instances, IReadOnlyList<string> Urls, string? ConnectionString);
