using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>
/// The whole platform started from the AppHost built beside this benchmark (same configuration), on a fresh data
/// folder of its own, with the dashboard's resource commands; stopped with SIGTERM, as Ctrl+C would.
/// </summary>
internal sealed class BenchmarkPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly JsonElement _endpoints;
    private readonly HttpClient _dashboard;

    private BenchmarkPlatform(Process process, string dataDirectory, JsonElement endpoints)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _endpoints = endpoints;
        _dashboard = new HttpClient { BaseAddress = new Uri(endpoints.GetProperty("dashboard").GetString()!), Timeout = TimeSpan.FromSeconds(120) };
        Parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dataDirectory, "parameters.json")))!;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public static async Task<BenchmarkPlatform> StartAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var configuration = typeof(BenchmarkPlatform).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var appHost = Path.Combine(root, "AppHost", "bin", configuration, "net10.0", "AppHost.dll");
        var data = Directory.CreateTempSubdirectory("platform-benchmark-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { appHost, "--data-dir", data, "--fresh", "--dashboard-port", "0" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The AppHost did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpointsFile = Path.Combine(data, "endpoints.json");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(endpointsFile))
            {
                try
                {
                    using var document = JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile, cancellationToken));
                    return new BenchmarkPlatform(process, data, document.RootElement.Clone());
                }
                catch (JsonException)
                {
                    // Caught mid-write; read it again.
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The platform was not ready within {StartTimeout.TotalSeconds:0} s.");
    }

    public Uri Url(string resource) => new(Resource(resource).GetProperty("urls")[0].GetString()!);

    public string ConnectionString(string resource) => Resource(resource).GetProperty("connectionString").GetString()!;

    /// <summary><c>stop</c>, <c>start</c> or <c>restart</c> one resource; returns once the AppHost has done it.</summary>
    public async Task CommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{resource}/commands/{command}");
        request.Headers.Add("X-Platform-Command", "1");
        using var response = await _dashboard.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until the dashboard reports the resource running and healthy.</summary>
    public async Task WaitHealthyAsync(string resource, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            using var resources = JsonDocument.Parse(await _dashboard.GetStringAsync("/api/resources", cancellationToken));
            if (resources.RootElement.EnumerateArray().Any(r => r.GetProperty("name").GetString() == resource
                && r.GetProperty("state").GetString() == "running"
                && r.TryGetProperty("health", out var health) && health.ValueKind == JsonValueKind.Object && health.GetProperty("healthy").GetBoolean()))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        throw new TimeoutException($"{resource} was not healthy within {StartTimeout.TotalSeconds:0} s.");
    }

    /// <summary>The process id the dashboard shows for a resource instance.</summary>
    public async Task<int> PidAsync(string resource, CancellationToken cancellationToken)
    {
        using var resources = JsonDocument.Parse(await _dashboard.GetStringAsync("/api/resources", cancellationToken));
        return resources.RootElement.EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == resource)
            .GetProperty("pid").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, 15);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        _dashboard.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private JsonElement Resource(string name)
    {
        foreach (var property in _endpoints.GetProperty("resources").EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                return property.Value;
            }
        }
        throw new KeyNotFoundException($"endpoints.json has no resource '{name}'.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
