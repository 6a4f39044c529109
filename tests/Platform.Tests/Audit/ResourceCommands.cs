using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>The dashboard's resource commands, and waiting for the whole platform to be healthy again afterwards.</summary>
public static class ResourceCommands
{
    public static async Task RunAsync(DistributedApplicationFixture platform, string resource, string command)
    {
        using var dashboard = platform.App.CreateDashboardClient(TimeSpan.FromSeconds(120));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{resource}/commands/{command}");
        request.Headers.Add("X-Platform-Command", "1");
        using var response = await dashboard.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{command} {resource}: {(int)response.StatusCode}");
    }

    /// <summary>Destructive tests end here, so the shared platform is whole for whatever runs next.</summary>
    public static async Task WaitForAllHealthyAsync(DistributedApplicationFixture platform, TimeSpan timeout)
    {
        IReadOnlyList<ResourceInfo> resources = [];
        await Eventually.UntilAsync(
            async () => (resources = await platform.GetResourcesAsync()).All(r => r.IsRunningAndHealthy),
            timeout,
            () => $"every resource healthy again; not yet: {string.Join("; ", resources.Where(r => !r.IsRunningAndHealthy))}");
    }
}
