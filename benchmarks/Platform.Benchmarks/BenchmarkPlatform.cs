using System.Runtime.InteropServices;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Benchmarks;

/// <summary>
/// The whole platform: the AppHost's model (built beside this benchmark, in its configuration) run by Aspire's
/// <c>DistributedApplicationTestingBuilder</c> on a fresh data folder of its own, so that resource commands are
/// Aspire's own; ready once the AppHost writes <c>endpoints.json</c> (everything healthy).
/// </summary>
internal sealed class BenchmarkPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly DistributedApplication _app;
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;
    private readonly JsonElement _endpoints;

    private BenchmarkPlatform(DistributedApplication app, string dataDirectory, bool ownsDataDirectory, JsonElement endpoints)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        _endpoints = endpoints;
        Parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dataDirectory, "parameters.json")))!;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The platform's data folder (RabbitMQ's and PostgreSQL's files live under it).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Seconds from the AppHost's start to everything healthy, as the AppHost measured it.</summary>
    public double StartupSeconds => _endpoints.GetProperty("startupSeconds").GetDouble();

    /// <summary>
    /// Starts the platform on a fresh data folder of its own (deleted on dispose), or on <paramref name="dataDirectory"/>
    /// as it is (kept), as a second start of a local run would.
    /// </summary>
    public static async Task<BenchmarkPlatform> StartAsync(CancellationToken cancellationToken, string? dataDirectory = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("platform-benchmark-").FullName;
        List<string> arguments = ["--data-dir", data, "--environment", "Development"];
        if (dataDirectory is null)
        {
            arguments.Add("--fresh");
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([.. arguments], timeout.Token);
        // The report goes to standard output: the AppHost's and the resources' logs stay out of it, except warnings and
        // errors, on standard error.
        builder.Services.AddLogging(logging => logging
            .ClearProviders()
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter((_, level) => level >= LogLevel.Warning));
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            var endpoints = await ReadEndpointsAsync(Path.Combine(data, "endpoints.json"), timeout.Token);
            return new BenchmarkPlatform(app, data, dataDirectory is null, endpoints);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string resource) => new(Resource(resource).GetProperty("urls")[0].GetString()!);

    public string ConnectionString(string resource) => Resource(resource).GetProperty("connectionString").GetString()!;

    /// <summary>
    /// <c>stop</c> or <c>start</c> every instance of a project; returns once Aspire has done it. Aspire runs a project
    /// under a <c>dotnet run</c> wrapper that does not pass its stop signal on, so a project is stopped with SIGTERM to
    /// the service process under the wrapper (as Ctrl+C would), and Aspire sees the wrapper exit with it.
    /// </summary>
    public async Task CommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        foreach (var instance in Instances(resource))
        {
            if (command == "stop")
            {
                var wrapper = await PidAsync(resource, cancellationToken);
                foreach (var service in ProcessTree.Descendants(wrapper))
                {
                    _ = kill(service, 15);
                }
                await _app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, cancellationToken);
                continue;
            }
            var result = await _app.ResourceCommands.ExecuteCommandAsync(instance, command == "start" ? KnownResourceCommands.StartCommand : command, cancellationToken);
            if (!result.Success)
            {
                throw new InvalidOperationException($"{command} {instance}: {result.Message}");
            }
        }
    }

    /// <summary>The process id Aspire shows for a resource's (single) instance.</summary>
    public async Task<int> PidAsync(string resource, CancellationToken cancellationToken)
    {
        var change = await _app.ResourceNotifications.WaitForResourceAsync(
            resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken);
        return change.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            var other => throw new InvalidOperationException($"Aspire shows no process id for {resource} ({other ?? "none"})."),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_ownsDataDirectory)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<JsonElement> ReadEndpointsAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (File.Exists(path))
            {
                try
                {
                    using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
                    return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    // Caught mid-write; read it again.
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private IEnumerable<string> Instances(string resource) =>
        Resource(resource).GetProperty("instances").EnumerateArray().Select(i => i.GetString()!).ToList();

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

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
