using System.Text.Json;

namespace Platform.Hosting;

/// <summary>Writes <c>endpoints.json</c>: every resource's URLs and connection strings, for tools and tests (mode 0600).</summary>
internal static class EndpointsFile
{
    public const string FileName = "endpoints.json";

    public static string Write(string dataDirectory, IEnumerable<ResourceRunner> runners, string dashboardUrl, string dashboardToken, TimeSpan startup)
    {
        var resources = new Dictionary<string, object>();
        foreach (var runner in runners)
        {
            var entry = new Dictionary<string, object> { ["type"] = runner.Type, ["urls"] = runner.Urls };
            if (runner.ConnectionString is { } connectionString)
            {
                entry["connectionString"] = connectionString;
            }
            resources[runner.Resource.Name] = entry;
        }
        var path = Path.Combine(dataDirectory, FileName);
        DataFiles.WriteSecretFile(path, JsonSerializer.Serialize(new
        {
            dashboard = dashboardUrl,
            dashboardToken,
            startupSeconds = Math.Round(startup.TotalSeconds, 2),
            resources,
        }, DataFiles.JsonOptions));
        return path;
    }
}
