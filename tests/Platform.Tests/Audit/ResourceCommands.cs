using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

/// <summary>Aspire's resource commands, and waiting for the whole platform to be healthy again afterwards.</summary>
public static class ResourceCommands
{
    public static Task RunAsync(DistributedApplicationFixture platform, string resource, string command) =>
        platform.ExecuteCommandAsync(resource, command);

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
