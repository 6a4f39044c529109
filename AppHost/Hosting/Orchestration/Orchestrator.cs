using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Hosting;

/// <summary>Runs the model locally: starts every resource in dependency order, reports readiness, stops in reverse.</summary>
internal sealed class Orchestrator(DistributedApplicationBuilder builder) : IAsyncDisposable, IResourceCommands
{
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private readonly AppHostConsole _console = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<ResourceRunner> _runners = [];
    private readonly List<PosixSignalRegistration> _signals = [];
    private ProcessReaper? _reaper;
    private Dictionary<ResourceRunner, List<ResourceRunner>> _dependencies = [];
    private DashboardServer? _dashboard;

    public ResourceStateStore Store { get; } = new();

    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var options = builder.Options;
        PrepareDataDirectory(options);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context => { context.Cancel = true; _shutdown.Cancel(); }));
        }
        _reaper = new ProcessReaper(Path.Combine(options.DataDirectory, "run"));
        var context = new RunContext(options, builder.Configuration, Store, new ParameterStore(options.DataDirectory), _reaper, _console);
        CreateRunners(context);
        _dashboard = await StartDashboardAsync(options.DashboardPort);
        _console.Line("apphost", $"dashboard at {_dashboard.Url}; data in {options.DataDirectory}");
        _console.Line("apphost", $"dashboard login token (resource commands: Authorization: Bearer <token>): {_dashboard.LoginToken}");

        var started = _runners.Select(runner => StartWhenReadyAsync(runner, _shutdown.Token)).ToList();
        var all = Task.WhenAll(started);
        await Task.WhenAny(all, Task.Delay(Timeout.Infinite, _shutdown.Token)).ContinueWith(_ => { });
        if (_shutdown.IsCancellationRequested)
        {
            _console.Line("apphost", "stopping before every resource was ready");
            await StopAllAsync();
            return 0;
        }
        if (all.IsFaulted)
        {
            ReportFailure(all.Exception!);
            await StopAllAsync();
            return 1;
        }
        var ready = new ReadyContext(options.DataDirectory,
            name => _runners.FirstOrDefault(r => r.Resource.Name == name)?.Urls ?? throw new ArgumentException($"No resource named '{name}'."),
            name => builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } parameter
                ? context.Secret(parameter)
                : throw new ArgumentException($"No parameter named '{name}'."));
        if (!await RunReadyCallbacksAsync(ready))
        {
            await StopAllAsync();
            return 1;
        }
        var endpoints = EndpointsFile.Write(options.DataDirectory, _runners, _dashboard.Url, _dashboard.LoginToken, clock.Elapsed);
        _console.Table(Store.Snapshot(), _dashboard.Url, clock.Elapsed, endpoints, ready.Messages);
        await Task.Delay(Timeout.Infinite, _shutdown.Token).ContinueWith(_ => { });
        _console.Line("apphost", "stopping");
        await StopAllAsync();
        _console.Line("apphost", "stopped");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
        _reaper?.Dispose();
        _signals.ForEach(s => s.Dispose());
        _shutdown.Dispose();
    }

    private static void PrepareDataDirectory(AppHostOptions options)
    {
        if (options.Fresh && Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        DataFiles.CreatePrivateDirectory(options.DataDirectory);
        File.Delete(Path.Combine(options.DataDirectory, EndpointsFile.FileName));
    }

    private void CreateRunners(RunContext context)
    {
        var byResource = new Dictionary<IResource, ResourceRunner>();
        foreach (var resource in builder.Resources)
        {
            ResourceRunner? runner = resource switch
            {
                PostgresServerResource postgres => new PostgresRunner(postgres, context),
                PostgresDatabaseResource database => new DatabaseRunner(database, (PostgresRunner)byResource[database.Server], context),
                RabbitMQServerResource rabbit => new RabbitMQRunner(rabbit, context),
                ProjectResource project => new ProjectRunner(project, context),
                _ => null,
            };
            if (runner is not null)
            {
                byResource[resource] = runner;
                _runners.Add(runner);
            }
        }
        var resolver = new RuntimeValueResolver(byResource, context);
        foreach (var project in _runners.OfType<ProjectRunner>())
        {
            project.Prepare(resolver);
        }
        foreach (var runner in _runners)
        {
            runner.Instances.ToList().ForEach(i => i.SetState(ResourceStates.Waiting));
        }
        _dependencies = _runners.ToDictionary(r => r, r => Dependencies(r.Resource).Select(d => byResource[d]).ToList());
    }

    private static IEnumerable<IResource> Dependencies(IResource resource)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Target);
        return resource is IResourceWithParent child ? waits.Append(child.Parent).Distinct() : waits.Distinct();
    }

    private async Task StartWhenReadyAsync(ResourceRunner runner, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_dependencies[runner].Select(d => d.Ready.Task)).WaitAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            await runner.StartAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            runner.Ready.TrySetException(ex);
            throw;
        }
        runner.Ready.TrySetResult();
        _console.Line(runner.Resource.Name, $"healthy after {clock.Elapsed.TotalSeconds:0.0}s");
    }

    private async Task<bool> RunReadyCallbacksAsync(ReadyContext ready)
    {
        foreach (var callback in builder.ReadyCallbacks)
        {
            try
            {
                await callback(ready, _shutdown.Token);
            }
            catch (Exception ex) when (!_shutdown.IsCancellationRequested)
            {
                _console.Error($"A ready step failed: {ex.GetType().Name}: {ex.Message}");
                return false;
            }
        }
        return true;
    }

    private async Task<DashboardServer> StartDashboardAsync(int port)
    {
        try
        {
            return await DashboardServer.StartAsync(Store, "127.0.0.1", port, _shutdown.Token, this);
        }
        catch (IOException ex)
        {
            throw new AppHostUsageException($"The dashboard cannot listen on port {port} ({ex.Message}); pass --dashboard-port N, or 0 for any free port.");
        }
    }

    private void ReportFailure(AggregateException failure)
    {
        // A dependent fails with its dependency's exception: report each cause once.
        foreach (var error in failure.Flatten().InnerExceptions.Distinct())
        {
            if (error is AppHostUsageException usage)
            {
                _console.Error(usage.Message);
                continue;
            }
            if (error is ResourceStartException start)
            {
                _console.Error($"Could not start the platform: {start.Message}");
                if (start.State is { } state)
                {
                    var tail = state.RecentLogs(30);
                    if (tail.Count > 0)
                    {
                        _console.Error($"Last lines of {state.Name}'s output:");
                        tail.ToList().ForEach(l => _console.Error("  " + l.Text));
                    }
                }
                continue;
            }
            _console.Error($"Could not start the platform: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Stops, starts or restarts one resource (every replica), keeping its ports, so references stay valid.</summary>
    public async Task<bool> ExecuteAsync(string resource, string command, CancellationToken cancellationToken)
    {
        if (_runners.FirstOrDefault(r => r.Resource.Name == resource) is not { } runner)
        {
            return false;
        }
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            _console.Line(resource, $"{command} requested");
            if (command is "stop" or "restart")
            {
                await runner.StopAsync();
            }
            if (command is "start" or "restart")
            {
                await runner.StartAsync(_shutdown.Token);
            }
            return true;
        }
        finally
        {
            _commandGate.Release();
        }
    }

    private async Task StopAllAsync()
    {
        // Reverse declaration order: the gateway goes first, the database last.
        for (int i = _runners.Count - 1; i >= 0; i--)
        {
            try
            {
                await _runners[i].StopAsync();
            }
            catch (Exception ex)
            {
                _console.Error($"{_runners[i].Resource.Name} did not stop cleanly: {ex.Message}");
            }
        }
    }
}
