using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// <c>endpoints.json</c> in the data folder (mode 0600): every resource's URLs (one per replica, in replica order)
/// and connection strings, for tools, benchmarks and tests. Written when everything is healthy, removed on stop.
/// </summary>
internal static class EndpointsFile
{
    public const string FileName = "endpoints.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static string Write(string dataDirectory, IReadOnlyDictionary<string, ResourceEndpoints> resources, TimeSpan startup)
    {
        var path = PathIn(dataDirectory);
        DataFiles.WriteSecretFile(path, JsonSerializer.Serialize(new
        {
            startupSeconds = Math.Round(startup.TotalSeconds, 2),
            resources,
        }, DataFiles.JsonOptions));
        return path;
    }
}
