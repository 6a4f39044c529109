namespace Platform.Tests.Infrastructure;

/// <summary>The one platform shared by every test in <see cref="PlatformCollection"/>, started once per test run.</summary>
public sealed class DistributedApplicationFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDirectory = TempDirectory.Create();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _app = await DistributedApplication.StartAsync(_dataDirectory.Path, fresh: true);

    public HttpClient CreateHttpClient(string resource, int replica = 0) => App.CreateHttpClient(resource, replica);

    public string GetConnectionString(string resource) => App.GetConnectionString(resource);

    public Task WaitForResourceHealthyAsync(string name, TimeSpan timeout) => App.WaitForResourceHealthyAsync(name, timeout);

    public Task<IReadOnlyList<ResourceInfo>> GetResourcesAsync() => App.GetResourcesAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _dataDirectory.Dispose();
    }
}
