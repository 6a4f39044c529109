namespace Platform.Tests.Infrastructure;

/// <summary>
/// The one platform shared by every test in <see cref="PlatformCollection"/>, started once per test run. Its outbound
/// allow-list is narrow on purpose: the upstream stand-ins listen on 127.0.0.1 and are registered by that literal, so
/// exactly those URLs are let through, while any other loopback address, or a name resolving to 127.0.0.1
/// (<c>localhost</c>), is refused as in a deployment (the outbound matrix relies on this).
/// </summary>
public sealed class DistributedApplicationFixture : IAsyncLifetime
{
    public const string OutboundAllowList = "127.0.0.1";

    private readonly TempDirectory _dataDirectory = TempDirectory.Create();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _app = await DistributedApplication.StartAsync(_dataDirectory.Path, fresh: true, outboundAllow: OutboundAllowList);

    public HttpClient CreateHttpClient(string resource, int replica = 0) => App.CreateHttpClient(resource, replica);

    public string GetConnectionString(string resource) => App.GetConnectionString(resource);

    public Task WaitForResourceHealthyAsync(string name, TimeSpan timeout) => App.WaitForResourceHealthyAsync(name, timeout);

    public Task<IReadOnlyList<ResourceInfo>> GetResourcesAsync() => App.GetResourcesAsync();

    public string InstanceId(string resource, int replica = 0) => App.InstanceId(resource, replica);

    public Task ExecuteCommandAsync(string resource, string command) => App.ExecuteCommandAsync(resource, command);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _dataDirectory.Dispose();
    }
}
