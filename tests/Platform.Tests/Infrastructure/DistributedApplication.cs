using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using AspireApplication = Aspire.Hosting.DistributedApplication;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// One running platform: the AppHost's model built with Aspire's <c>DistributedApplicationTestingBuilder</c> on its own
/// data folder (Aspire picks free ports), with what the tests ask of it: clients per instance, connection strings,
/// resource states, logs and commands through Aspire's resource services.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly AspireApplication _app;
    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watch;

    private DistributedApplication(AspireApplication app, string dataDirectory, AppHostOutput output)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Output = output;
        _watch = Task.Run(WatchAsync);
    }

    public string DataDirectory { get; }

    /// <summary>What the AppHost and its resources logged.</summary>
    public AppHostOutput Output { get; }

    /// <summary>The AppHost's endpoints.json, read once it appeared (everything healthy).</summary>
    public PlatformEndpoints Endpoints { get; private set; } = null!;

    /// <summary>
    /// Builds and starts the AppHost's model on <paramref name="dataDirectory"/> as a local development run does,
    /// and returns once <c>endpoints.json</c> appears. Without <paramref name="outboundAllow"/> the AppHost's local
    /// default (loopback) applies. <paramref name="environment"/> is given to every project last, so it overrides what
    /// Aspire sets (the OTLP exporter's endpoint, for one).
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(
        string dataDirectory, bool fresh = true, TimeSpan? timeout = null, string? outboundAllow = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? StartTimeout);
        List<string> arguments = ["--data-dir", dataDirectory, "--environment", "Development"];
        if (fresh)
        {
            arguments.Add("--fresh");
        }
        if (outboundAllow is not null)
        {
            arguments.AddRange(["--outbound-allow", outboundAllow]);
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([.. arguments], cts.Token);
        var output = new AppHostOutput();
        builder.Services.AddLogging(logging => logging.AddProvider(new AppHostOutputLoggerProvider(output)));
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // A parked tool call degrades the audit writer's health for seconds, not the default hour, so a test
            // that parks one on purpose leaves the platform healthy for the tests after it.
            var resource = builder.CreateResourceBuilder(project).WithEnvironment("ParkedAlarm__Window", "00:00:15")
                // Tokens of seconds in the token lifecycle tests: renewed 2 s ahead (at most half their lifetime),
                // looked for every half second by the broker's sweep, dropped by the edge 2 s before they expire.
                .WithEnvironment("OAuthBroker__Refresh__MinimumMargin", "00:00:02")
                .WithEnvironment("OAuthBroker__Refresh__SweepInterval", "00:00:00.500")
                // Upstream revocations retried within seconds while a test's authorization server is down.
                .WithEnvironment("OAuthBroker__Revocation__PollInterval", "00:00:00.500")
                .WithEnvironment("OAuthBroker__Revocation__MaxRetryDelay", "00:00:04")
                // Token secrets held for the broker's upstream revocation 6 h, not the default day (DisconnectTests checks it).
                .WithEnvironment("Registry__UpstreamRevocationHold", "06:00:00")
                .WithEnvironment("McpEdge__TokenRefreshAhead", "00:00:02")
                // The broker's crash points can be armed (RefreshCrashTests); Development only.
                .WithEnvironment("OAuthBroker__CrashPoints__Enabled", "true");
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                resource.WithEnvironment(name, value);
            }
        }
        var app = await builder.BuildAsync(cts.Token);
        var platform = new DistributedApplication(app, dataDirectory, output);
        try
        {
            await app.StartAsync(cts.Token);
            platform.Endpoints = await WaitForEndpointsAsync(dataDirectory, output, cts.Token);
            output.KnownSecrets = platform.Endpoints.Secrets();
            return platform;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            var text = output.Text;
            await platform.DisposeAsync();
            throw new TimeoutException($"The platform was not ready within {(timeout ?? StartTimeout).TotalSeconds:0} s. The AppHost's output:{Environment.NewLine}{text}");
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HttpClient addressed at one instance of a project (replica 0 unless told).</summary>
    public HttpClient CreateHttpClient(string resource, int replica = 0) =>
        new(_handler, disposeHandler: false) { BaseAddress = GetEndpoint(resource, replica), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The resource's address as other resources are given it (Aspire's proxy in front of its replicas): for the
    /// gateway, the public base URL the AppHost gives the broker for connect links and redirects.
    /// </summary>
    public Uri GetProxiedEndpoint(string resource) => _app.GetEndpoint(resource, "http");

    public Uri GetEndpoint(string resource, int replica = 0)
    {
        // A replica started again (after a test stopped or killed it) may listen on a new port: the address Aspire
        // gave it last (its ASPNETCORE_URLS, as endpoints.json took it) wins over the file's.
        var instances = Endpoints[resource].Instances;
        if (replica < instances.Count && _latest.TryGetValue(instances[replica], out var change)
            && change.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value is { Length: > 0 } listening)
        {
            return new Uri(listening.Split(';')[0]);
        }
        var urls = Endpoints[resource].Urls;
        return replica < urls.Count
            ? new Uri(urls[replica])
            : throw new ArgumentOutOfRangeException(nameof(replica), $"'{resource}' has {urls.Count} endpoint(s).");
    }

    /// <summary>
    /// The instance id a replica runs as (its <c>service.instance.id</c>, as /health and the bus report it): Aspire
    /// names an instance <c>resource-suffix</c> and gives the service the suffix.
    /// </summary>
    public string InstanceId(string resource, int replica = 0) => Endpoints[resource].Instances[replica][(resource.Length + 1)..];

    public string GetConnectionString(string resource) =>
        Endpoints[resource].ConnectionString ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    /// <summary>Every instance of the platform's resources (a replica is an instance of its own).</summary>
    public Task<IReadOnlyList<ResourceInfo>> GetResourcesAsync()
    {
        var list = new List<ResourceInfo>();
        foreach (var (name, endpoints) in Endpoints.Resources)
        {
            for (var replica = 0; replica < endpoints.Instances.Count; replica++)
            {
                var id = endpoints.Instances[replica];
                var alias = endpoints.Instances.Count == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{replica}");
                list.Add(_latest.TryGetValue(id, out var change)
                    ? ToInfo(alias, id, name, endpoints, replica, change.Snapshot)
                    : new ResourceInfo(alias, id, name, endpoints.Type, "unknown", [], null, null, null, null));
            }
        }
        return Task.FromResult<IReadOnlyList<ResourceInfo>>(list);
    }

    /// <summary>One instance, by resource name (a single instance), <c>resource-N</c> (replica N) or instance id.</summary>
    public async Task<ResourceInfo> GetResourceAsync(string instance) =>
        (await GetResourcesAsync()).SingleOrDefault(r => r.Name == instance || r.InstanceId == instance)
        ?? throw new KeyNotFoundException($"The platform has no instance '{instance}'.");

    /// <summary>The environment Aspire gave an instance.</summary>
    public async Task<IReadOnlyList<EnvironmentVariable>> GetEnvironmentAsync(string instance)
    {
        var id = (await GetResourceAsync(instance)).InstanceId;
        return _latest.TryGetValue(id, out var change)
            ? [.. change.Snapshot.EnvironmentVariables.Where(v => v.IsFromSpec).Select(v => new EnvironmentVariable(v.Name, v.Value ?? ""))]
            : [];
    }

    /// <summary>Waits until every instance of the resource (or the one named instance) is running and healthy.</summary>
    public async Task WaitForResourceHealthyAsync(string name, TimeSpan timeout)
    {
        IReadOnlyList<ResourceInfo> last = [];
        await Eventually.UntilAsync(
            async () =>
            {
                last = [.. (await GetResourcesAsync()).Where(r => r.Name == name || r.Resource == name || r.InstanceId == name)];
                return last.Count > 0 && last.All(r => r.IsRunningAndHealthy);
            },
            timeout,
            () => $"'{name}' running and healthy; Aspire shows: {(last.Count == 0 ? "nothing" : string.Join("; ", last))}");
    }

    /// <summary>
    /// Stops, starts or restarts every instance of a resource. Aspire's own commands, except stopping a project:
    /// Aspire launches a project through a <c>dotnet run</c> wrapper, and its stop (SIGINT to the wrapper, which the
    /// wrapper does not pass on) times out; so a project is stopped with SIGTERM to the service process itself, as
    /// Ctrl+C would, and Aspire sees the wrapper exit with it.
    /// </summary>
    public async Task ExecuteCommandAsync(string resource, string command, CancellationToken cancellationToken = default)
    {
        var endpoints = Endpoints[resource];
        var stopsByProcess = endpoints.Type == "project";
        switch (command)
        {
            case "stop" when stopsByProcess:
                await StopProjectAsync(resource);
                break;
            case "restart" when stopsByProcess:
                await StopProjectAsync(resource);
                await RunCommandAsync(endpoints, KnownResourceCommands.StartCommand, cancellationToken);
                break;
            case "stop":
                await RunCommandAsync(endpoints, KnownResourceCommands.StopCommand, cancellationToken);
                break;
            case "start":
                await RunCommandAsync(endpoints, KnownResourceCommands.StartCommand, cancellationToken);
                break;
            case "restart":
                await RunCommandAsync(endpoints, KnownResourceCommands.RestartCommand, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "stop, start or restart");
        }
    }

    /// <summary>Starts one instance (replica <paramref name="replica"/>) of a resource, say after a test killed it.</summary>
    public async Task StartInstanceAsync(string resource, int replica, CancellationToken cancellationToken = default)
    {
        var id = Endpoints[resource].Instances[replica];
        var result = await _app.ResourceCommands.ExecuteCommandAsync(id, KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, $"start {id}: {result.Message}");
    }

    private async Task RunCommandAsync(ResourceEndpoints endpoints, string commandName, CancellationToken cancellationToken)
    {
        foreach (var id in endpoints.Instances)
        {
            var result = await _app.ResourceCommands.ExecuteCommandAsync(id, commandName, cancellationToken);
            Assert.True(result.Success, $"{commandName} {id}: {result.Message}{Environment.NewLine}{Output.Text}");
        }
    }

    private async Task StopProjectAsync(string resource)
    {
        var instances = (await GetResourcesAsync()).Where(r => r.Resource == resource).ToList();
        var table = ProcessTable.All();
        foreach (var instance in instances.Where(i => i.Pid is not null))
        {
            foreach (var service in ProcessTable.Descendants(instance.Pid!.Value, table))
            {
                UnixSignal.Send(service.Pid, UnixSignal.SigTerm);
            }
        }
        IReadOnlyList<ResourceInfo> now = [];
        await Eventually.UntilAsync(
            async () => (now = [.. (await GetResourcesAsync()).Where(r => r.Resource == resource)]).All(r => r.State is not ("running" or "starting")),
            TimeSpan.FromSeconds(60),
            () => $"'{resource}' stopped; Aspire shows: {string.Join("; ", now)}");
    }

    /// <summary>
    /// Every console line of an instance from its start up to and including the first that contains
    /// <paramref name="marker"/>; write the marker last, so that every line before it has been captured.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadLogUntilAsync(string instance, string marker, TimeSpan timeout)
    {
        var id = (await GetResourceAsync(instance)).InstanceId;
        using var cts = new CancellationTokenSource(timeout);
        var lines = new List<string>();
        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            await foreach (var batch in logs.WatchAsync(id).WithCancellation(cts.Token))
            {
                foreach (var line in batch)
                {
                    var text = ConsoleText.Plain(line.Content);
                    lines.Add(text);
                    if (text.Contains(marker, StringComparison.Ordinal))
                    {
                        return lines;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"The marker did not appear in {instance}'s log within {timeout.TotalSeconds:0} s ({lines.Count} lines read).");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _watch;
        }
        catch (OperationCanceledException)
        {
            // stopped watching
        }
        await _app.DisposeAsync();
        _handler.Dispose();
        _stopping.Dispose();
    }

    private async Task WatchAsync()
    {
        await foreach (var change in _app.ResourceNotifications.WatchAsync(_stopping.Token))
        {
            _latest[change.ResourceId] = change;
        }
    }

    private static ResourceInfo ToInfo(string alias, string id, string resource, ResourceEndpoints endpoints, int replica, CustomResourceSnapshot snapshot)
    {
        var pid = snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int value => value,
            long value => (int)value,
            string value when int.TryParse(value, out var parsed) => parsed,
            _ => (int?)null,
        };
        var health = snapshot.HealthStatus is { } status
            ? new ResourceHealth(status == HealthStatus.Healthy, snapshot.HealthReports.Select(r => r.LastRunAt).Max() ?? DateTimeOffset.UtcNow,
                string.Join("; ", snapshot.HealthReports.Where(r => r.Status != HealthStatus.Healthy).Select(r => $"{r.Name}: {r.Description ?? r.ExceptionText}")))
            : null;
        return new ResourceInfo(
            alias,
            id,
            resource,
            endpoints.Type,
            (snapshot.State?.Text ?? "unknown").ToLowerInvariant(),
            replica < endpoints.Urls.Count ? [endpoints.Urls[replica]] : [],
            pid,
            health,
            snapshot.StartTimeStamp is { } started ? new DateTimeOffset(started, TimeSpan.Zero) : null,
            snapshot.ExitCode);
    }

    private static async Task<PlatformEndpoints> WaitForEndpointsAsync(string dataDirectory, AppHostOutput output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, PlatformEndpoints.FileName);
        while (true)
        {
            if (File.Exists(path))
            {
                try
                {
                    return PlatformEndpoints.Parse(await File.ReadAllTextAsync(path, cancellationToken));
                }
                catch (Exception ex) when (ex is JsonException or IOException)
                {
                    // caught mid-write; read it again on the next poll
                }
            }
            if (output.Wrote("The platform's ready step failed"))
            {
                throw new InvalidOperationException($"The AppHost's ready step failed. Its output:{Environment.NewLine}{output.Text}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
