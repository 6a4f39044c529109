using RabbitMQ.Client;

namespace Platform.Hosting;

/// <summary>A private RabbitMQ node from the Debian package, with its own epmd, its data kept in the data folder.</summary>
internal sealed class RabbitMQRunner : ResourceRunner
{
    private const string NodeName = "platform@localhost";

    private readonly RunContext _context;
    private readonly ResourceInstanceState _state;
    private readonly string? _external;
    private readonly int _port;
    private readonly string _password = "";
    private ManagedProcess? _epmd;
    private SupervisedProcess? _server;

    public RabbitMQRunner(RabbitMQServerResource resource, RunContext context) : base(resource)
    {
        _context = context;
        _state = context.Store.Register(resource.Name, resource.Name, Type);
        _external = context.ExternalConnectionString(resource.Name);
        if (_external is null)
        {
            _port = PortAllocator.GetFreePort();
            _password = context.Secret(resource.Password);
            ConnectionString = $"amqp://{RabbitMQServerResource.UserName}:{_password}@127.0.0.1:{_port}";
            _state.SetUrls([$"amqp://127.0.0.1:{_port}"]);
        }
        else
        {
            ConnectionString = _external;
            var uri = new Uri(_external);
            _state.SetUrls([$"{uri.Scheme}://{uri.Host}:{uri.Port}"]);
            if (uri.UserInfo.Split(':', 2) is [_, { Length: > 0 } password])
            {
                context.SecretValues.Add(Uri.UnescapeDataString(password));
            }
        }
    }

    public override string Type => "rabbitmq";

    public override string ConnectionString { get; }

    public override IReadOnlyList<ResourceInstanceState> Instances => [_state];

    public override IReadOnlyList<string> Urls => _state.Urls;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_external is not null)
        {
            await ExternalServer.WaitHealthyAsync(_state, ProbeAsync, cancellationToken);
            return;
        }
        var server = Prerequisites.RabbitMQServer();
        var root = _context.ResourceDirectory(Resource.Name);
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        int epmdPort = PortAllocator.GetFreePort();
        int distributionPort = PortAllocator.GetFreePort();
        var config = Path.Combine(root, "rabbitmq.conf");
        // default_user/default_pass only take effect on the node's first boot; the password then lives in its database.
        DataFiles.WriteSecretFile(config, $"""
            listeners.tcp.1 = 127.0.0.1:{_port}
            default_user = {RabbitMQServerResource.UserName}
            default_pass = {_password}
            default_vhost = /
            log.console = true
            log.console.level = info
            log.file = false
            classic_queue.default_version = 2
            """);
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), "[].\n");

        // A private epmd on its own port, so that nothing outlives the AppHost and parallel platforms don't meet.
        _epmd = ManagedProcess.Start(new ProcessSpec(Prerequisites.Epmd()!, ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], root), _state, _context.Reaper);

        var spec = new ProcessSpec(server, [], root)
        {
            Environment =
            [
                new("HOME", home),
                new("ERL_EPMD_PORT", epmdPort.ToString()),
                new("RABBITMQ_NODENAME", NodeName),
                new("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                new("RABBITMQ_NODE_PORT", _port.ToString()),
                new("RABBITMQ_DIST_PORT", distributionPort.ToString()),
                new("RABBITMQ_MNESIA_BASE", Path.Combine(root, "mnesia")),
                new("RABBITMQ_LOG_BASE", Path.Combine(root, "log")),
                new("RABBITMQ_LOGS", "-"),
                new("RABBITMQ_CONFIG_FILE", config),
                new("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(root, "enabled_plugins")),
                // No scheduler busy-waiting: on a shared developer machine the idle broker should not spin CPUs.
                new("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"),
            ],
        };
        _server = new SupervisedProcess(_state, spec, ProbeAsync, _context.Reaper, _context.Console);
        await _server.StartAsync(cancellationToken);
    }

    public override async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(TimeSpan.FromSeconds(20));
        }
        if (_epmd is not null)
        {
            await _epmd.StopAsync(PosixSignals.SIGTERM, TimeSpan.FromSeconds(5));
            _epmd.Dispose();
        }
    }

    private async Task<HealthResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(ConnectionString),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return new HealthResult(true, DateTimeOffset.UtcNow, "accepting AMQP connections");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthResult(false, DateTimeOffset.UtcNow, ex.GetType().Name);
        }
    }
}
