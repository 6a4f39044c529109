using System.Text.Json;
using Npgsql;

namespace Platform.Tests.Infrastructure;

/// <summary>The AppHost's <c>endpoints.json</c>: written once every resource is healthy.</summary>
public sealed record PlatformEndpoints(double StartupSeconds, IReadOnlyDictionary<string, ResourceEndpoints> Resources)
{
    public const string FileName = "endpoints.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static PlatformEndpoints Parse(string json) =>
        JsonSerializer.Deserialize<PlatformEndpoints>(json, JsonOptions)
        ?? throw new JsonException("endpoints.json holds null.");

    public ResourceEndpoints this[string resource] =>
        Resources.TryGetValue(resource, out var endpoints)
            ? endpoints
            : throw new KeyNotFoundException($"endpoints.json has no resource '{resource}'. It has: {string.Join(", ", Resources.Keys)}.");

    /// <summary>The generated passwords of the infrastructure, to prove they never show up where they must not.</summary>
    public IReadOnlyList<string> Secrets()
    {
        var secrets = new List<string>();
        foreach (var resource in Resources.Values)
        {
            switch (resource.Type)
            {
                case "postgres" when resource.ConnectionString is { } cs:
                    secrets.Add(new NpgsqlConnectionStringBuilder(cs).Password ?? "");
                    break;
                case "rabbitmq" when resource.ConnectionString is { } cs:
                    var userInfo = new Uri(cs).UserInfo.Split(':', 2);
                    secrets.Add(userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : "");
                    break;
            }
        }
        return [.. secrets.Where(s => s.Length > 0).Distinct()];
    }
}
