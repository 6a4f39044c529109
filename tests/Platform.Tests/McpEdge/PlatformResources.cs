using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>Stops and starts platform resources through Aspire's resource commands, and reads a replica's /health.</summary>
public static class PlatformResources
{
    public static Task CommandAsync(DistributedApplicationFixture platform, string resource, string command) =>
        platform.ExecuteCommandAsync(resource, command);

    /// <summary>Starts the resource again and waits until it and everything the tests lean on are healthy.</summary>
    public static async Task RestoreAsync(DistributedApplicationFixture platform, string resource)
    {
        await CommandAsync(platform, resource, "start");
        foreach (var name in new[] { resource, "mcp-edge", "audit-writer", "integration-registry", "gateway" })
        {
            await platform.WaitForResourceHealthyAsync(name, TimeSpan.FromSeconds(120));
        }
    }

    /// <summary>The description of one check on a replica's <c>/health</c> (e.g. "journal pending: 3; dropped: 0").</summary>
    public static async Task<(int Status, string? Description)> HealthCheckAsync(DistributedApplicationFixture platform, string resource, int replica, string check)
    {
        using var http = platform.CreateHttpClient(resource, replica);
        using var response = await http.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.GetProperty("checks").GetProperty(check).GetProperty("description").GetString());
    }
}
