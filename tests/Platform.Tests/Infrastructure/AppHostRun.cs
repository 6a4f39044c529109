using System.Text.Json;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The built AppHost started as a plain process (<c>dotnet AppHost.dll --data-dir DIR ...</c>, as the benchmarks
/// start it), for the tests about the process itself: SIGTERM, SIGKILL, a restart on the same data folder.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private AppHostRun(AppHostProcess process, string dataDirectory, PlatformEndpoints endpoints)
    {
        Process = process;
        DataDirectory = dataDirectory;
        Endpoints = endpoints;
    }

    public AppHostProcess Process { get; }

    public string DataDirectory { get; }

    public PlatformEndpoints Endpoints { get; }

    /// <summary>Starts the AppHost on its own data folder and free ports; returns once <c>endpoints.json</c> appears.</summary>
    public static async Task<AppHostRun> StartAsync(string dataDirectory, bool fresh = true)
    {
        var endpointsFile = Path.Combine(dataDirectory, PlatformEndpoints.FileName);
        // The AppHost deletes it too, but maybe only after the first poll here would have read a previous run's file.
        File.Delete(endpointsFile);
        List<string> arguments = ["--data-dir", dataDirectory, "--dashboard-port", "0", "--environment", "Development"];
        if (fresh)
        {
            arguments.Add("--fresh");
        }
        var process = AppHostProcess.Start([.. arguments]);
        try
        {
            var endpoints = await WaitForEndpointsAsync(process, endpointsFile);
            process.KnownSecrets = endpoints.Secrets();
            return new AppHostRun(process, dataDirectory, endpoints);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public string GetConnectionString(string resource) =>
        Endpoints[resource].ConnectionString ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    /// <summary>SIGTERM (or <paramref name="signal"/>, e.g. Ctrl+C's SIGINT) and wait for the AppHost to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(int signal = UnixSignal.SigTerm)
    {
        Process.Signal(signal);
        if (!await Process.WaitForExitAsync(StopTimeout))
        {
            throw new TimeoutException($"The AppHost did not exit within {StopTimeout.TotalSeconds:0} s of SIGTERM. Its output:{Environment.NewLine}{Process.Output}");
        }
        return Process.ExitCode;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static async Task<PlatformEndpoints> WaitForEndpointsAsync(AppHostProcess process, string endpointsFile)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
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
                    // caught mid-write; read it again on the next poll
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"The platform was not ready within {StartTimeout.TotalSeconds:0} s. The AppHost's output:{Environment.NewLine}{process.Output}");
    }
}
