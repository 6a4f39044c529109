namespace Platform.Hosting;

/// <summary>A service project: one supervised process per replica, each on its own loopback port.</summary>
internal sealed class ProjectRunner : ResourceRunner
{
    private static readonly HttpClient HealthClient = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(3) };

    private static readonly string[] OwnVariables =
        ["ConnectionStrings__", "services__", "ASPNETCORE_URLS", "HTTP_PORTS", "HTTPS_PORTS", "OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"];

    private readonly ProjectResource _project;
    private readonly RunContext _context;
    private readonly List<(ResourceInstanceState State, int Port)> _replicas = [];
    private readonly List<Func<SupervisedProcess>> _launchers = [];
    private List<SupervisedProcess> _processes = [];

    public ProjectRunner(ProjectResource project, RunContext context) : base(project)
    {
        _project = project;
        _context = context;
        for (int i = 0; i < project.Replicas; i++)
        {
            var name = project.Replicas == 1 ? project.Name : $"{project.Name}-{i}";
            var port = PortAllocator.GetFreePort();
            var state = context.Store.Register(name, project.Name, Type);
            state.SetUrls([$"http://127.0.0.1:{port}"]);
            _replicas.Add((state, port));
        }
    }

    public override string Type => "project";

    public override IReadOnlyList<ResourceInstanceState> Instances => [.. _replicas.Select(r => r.State)];

    public override IReadOnlyList<string> Urls => [.. _replicas.Select(r => $"http://127.0.0.1:{r.Port}")];

    /// <summary>Computes every replica's environment; needs the resolver because it reads other runners' endpoints.</summary>
    public void Prepare(IEnvironmentValueResolver resolver)
    {
        var assembly = _project.Metadata.AssemblyPath;
        var shared = ProjectEnvironment.Build(_project, resolver);
        foreach (var (state, port) in _replicas)
        {
            var environment = new List<KeyValuePair<string, string>>(shared)
            {
                new("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"),
                new("ASPNETCORE_ENVIRONMENT", _context.Options.Environment),
                new("DOTNET_ENVIRONMENT", _context.Options.Environment),
                new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
                new("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
                // Every service shares this machine's cores: idle thread-pool workers sleep at once instead of spinning
                // for work (spinning burns the CPU the other services need; measured in docs/benchmarks.md).
                new("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "0"),
                new("OTEL_SERVICE_NAME", _project.Name),
                new("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={state.Name}"),
            };
            if (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
            {
                environment.Add(new("OTEL_EXPORTER_OTLP_ENDPOINT", otlp));
            }
            state.SetEnvironment([.. environment.Select(e => new EnvironmentEntry(e.Key, e.Value, _context.SecretValues.Any(s => e.Value.Contains(s, StringComparison.Ordinal))))]);
            var spec = new ProcessSpec(DotnetHost.Path, ["exec", assembly], Path.GetDirectoryName(assembly)!)
            {
                Environment = environment,
                RemoveInheritedPrefixes = OwnVariables,
            };
            var url = $"http://127.0.0.1:{port}{_project.HealthCheckPath ?? "/alive"}";
            _launchers.Add(() => new SupervisedProcess(state, spec, ct => ProbeAsync(url, ct), _context.Reaper, _context.Console));
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_project.Metadata.AssemblyPath))
        {
            throw new AppHostUsageException($"{_project.Name} is not built ({_project.Metadata.AssemblyPath} is missing); run 'dotnet build' first.");
        }
        _processes = [.. _launchers.Select(launch => launch())];
        await Task.WhenAll(_processes.Select(p => p.StartAsync(cancellationToken)));
    }

    public override Task StopAsync() => Task.WhenAll(_processes.Select(p => p.StopAsync(TimeSpan.FromSeconds(10))));

    private static async Task<HealthResult> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HealthClient.GetAsync(url, cancellationToken);
            return new HealthResult(response.IsSuccessStatusCode, DateTimeOffset.UtcNow, $"GET {new Uri(url).AbsolutePath}: {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new HealthResult(false, DateTimeOffset.UtcNow, $"GET {new Uri(url).AbsolutePath}: {(ex is HttpRequestException ? "connection refused" : "timed out")}");
        }
    }
}
