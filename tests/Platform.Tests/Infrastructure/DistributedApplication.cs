using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// One running platform, started from the built AppHost on its own data folder with free ports; the test-side
/// counterpart of what Aspire's <c>DistributedApplicationTestingBuilder</c> hands back.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _dashboard;

    private DistributedApplication(AppHostProcess process, string dataDirectory, PlatformEndpoints endpoints)
    {
        Process = process;
        DataDirectory = dataDirectory;
        Endpoints = endpoints;
        _dashboard = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri(endpoints.Dashboard), Timeout = TimeSpan.FromSeconds(30) };
    }

    public AppHostProcess Process { get; }

    public string DataDirectory { get; }

    public PlatformEndpoints Endpoints { get; }

    /// <summary>
    /// Starts <c>dotnet AppHost.dll --data-dir DIR [--fresh] --dashboard-port 0 [--outbound-allow LIST]</c> and returns
    /// once <c>endpoints.json</c> appears (the AppHost deletes it at start and writes it when all is healthy). Without
    /// <paramref name="outboundAllow"/> the AppHost's local default (loopback) applies.
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(string dataDirectory, bool fresh = true, TimeSpan? timeout = null, string? outboundAllow = null)
    {
        var endpointsFile = Path.Combine(dataDirectory, PlatformEndpoints.FileName);
        // The AppHost deletes it too, but maybe only after the first poll here would have read a previous run's file.
        File.Delete(endpointsFile);
        // Tests run the services as a local development run does (scripts/run.sh); any other run gets Production.
        string[] arguments = fresh
            ? ["--data-dir", dataDirectory, "--fresh", "--dashboard-port", "0", "--environment", "Development"]
            : ["--data-dir", dataDirectory, "--dashboard-port", "0", "--environment", "Development"];
        if (outboundAllow is not null)
        {
            arguments = [.. arguments, "--outbound-allow", outboundAllow];
        }
        var process = AppHostProcess.Start(arguments);
        try
        {
            var endpoints = await WaitForEndpointsAsync(process, endpointsFile, timeout ?? StartTimeout);
            process.KnownSecrets = endpoints.Secrets();
            return new DistributedApplication(process, dataDirectory, endpoints);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HttpClient for the dashboard's API, logged in with the token the AppHost wrote to endpoints.json.</summary>
    public HttpClient CreateDashboardClient(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = new Uri(Endpoints.Dashboard), Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Endpoints.DashboardToken);
        return client;
    }

    /// <summary>An HttpClient addressed at one instance of a project (replica 0 unless told).</summary>
    public HttpClient CreateHttpClient(string resource, int replica = 0) =>
        new(_handler, disposeHandler: false) { BaseAddress = GetEndpoint(resource, replica), Timeout = TimeSpan.FromSeconds(30) };

    public Uri GetEndpoint(string resource, int replica = 0)
    {
        var urls = Endpoints[resource].Urls;
        return replica < urls.Count
            ? new Uri(urls[replica])
            : throw new ArgumentOutOfRangeException(nameof(replica), $"'{resource}' has {urls.Count} endpoint(s).");
    }

    public string GetConnectionString(string resource) =>
        Endpoints[resource].ConnectionString ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    /// <summary>Every resource instance from the dashboard API.</summary>
    public async Task<IReadOnlyList<ResourceInfo>> GetResourcesAsync() =>
        await _dashboard.GetFromJsonAsync<List<ResourceInfo>>("/api/resources", JsonOptions) ?? [];

    public async Task<ResourceInfo> GetResourceAsync(string instance) =>
        (await GetResourcesAsync()).SingleOrDefault(r => r.Name == instance)
        ?? throw new KeyNotFoundException($"The dashboard lists no instance '{instance}'.");

    /// <summary>The environment the dashboard shows for an instance (secret values masked), as raw JSON.</summary>
    public Task<string> GetEnvironmentJsonAsync(string instance) =>
        _dashboard.GetStringAsync($"/api/resources/{Uri.EscapeDataString(instance)}/environment");

    public async Task<IReadOnlyList<EnvironmentVariable>> GetEnvironmentAsync(string instance) =>
        JsonSerializer.Deserialize<List<EnvironmentVariable>>(await GetEnvironmentJsonAsync(instance), JsonOptions) ?? [];

    /// <summary>Waits until every instance of the resource (or the one named instance) is running and healthy.</summary>
    public async Task WaitForResourceHealthyAsync(string name, TimeSpan timeout)
    {
        IReadOnlyList<ResourceInfo> last = [];
        await Eventually.UntilAsync(
            async () =>
            {
                last = [.. (await GetResourcesAsync()).Where(r => r.Name == name || r.Resource == name)];
                return last.Count > 0 && last.All(r => r.IsRunningAndHealthy);
            },
            timeout,
            () => $"'{name}' running and healthy; the dashboard shows: {(last.Count == 0 ? "nothing" : string.Join("; ", last))}");
    }

    /// <summary>SIGTERM, as Ctrl+C would, and wait for the AppHost to exit; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        Process.Signal(UnixSignal.SigTerm);
        if (!await Process.WaitForExitAsync(StopTimeout))
        {
            throw new TimeoutException($"The AppHost did not exit within {StopTimeout.TotalSeconds:0} s of SIGTERM. Its output:{Environment.NewLine}{Process.Output}");
        }
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _dashboard.Dispose();
        await Process.DisposeAsync();
        _handler.Dispose();
    }

    private static async Task<PlatformEndpoints> WaitForEndpointsAsync(AppHostProcess process, string endpointsFile, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode} before the platform was ready. Its output:{Environment.NewLine}{process.Output}");
            }
            if (File.Exists(endpointsFile))
            {
                try
                {
                    return PlatformEndpoints.Parse(await File.ReadAllTextAsync(endpointsFile));
                }
                catch (Exception ex) when (ex is JsonException or IOException)
                {
                    lastError = ex; // caught mid-write; read it again on the next poll
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        var parseError = lastError is null ? "" : $" (last read of {PlatformEndpoints.FileName} failed: {lastError.Message})";
        throw new TimeoutException($"The platform was not ready within {timeout.TotalSeconds:0} s{parseError}. The AppHost's output:{Environment.NewLine}{process.Output}");
    }
}
