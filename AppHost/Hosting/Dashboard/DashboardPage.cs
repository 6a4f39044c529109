namespace Platform.Hosting;

/// <summary>The page and its script and style, embedded in the AppHost so the dashboard needs no files on disk.</summary>
internal static class DashboardPage
{
    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder endpoints)
    {
        MapAsset(endpoints, "/", "index.html", "text/html; charset=utf-8");
        MapAsset(endpoints, "/app.js", "app.js", "text/javascript; charset=utf-8");
        MapAsset(endpoints, "/app.css", "app.css", "text/css; charset=utf-8");
        return endpoints;
    }

    private static void MapAsset(IEndpointRouteBuilder endpoints, string route, string file, string contentType)
    {
        var content = Load(file);
        endpoints.MapGet(route, () => TypedResults.Bytes(content, contentType));
    }

    private static byte[] Load(string file)
    {
        var name = $"Dashboard/{file}";
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The AppHost assembly lacks the embedded resource '{name}'.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
