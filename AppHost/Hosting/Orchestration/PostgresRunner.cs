using System.Diagnostics;
using Npgsql;

namespace Platform.Hosting;

/// <summary>A private PostgreSQL server from the Debian package, its cluster kept in the data folder.</summary>
internal sealed class PostgresRunner : ResourceRunner
{
    private readonly RunContext _context;
    private readonly ResourceInstanceState _state;
    private readonly string? _external;
    private readonly int _port;
    private SupervisedProcess? _server;

    public PostgresRunner(PostgresServerResource resource, RunContext context) : base(resource)
    {
        _context = context;
        _state = context.Store.Register(resource.Name, resource.Name, Type);
        _external = context.ExternalConnectionString(resource.Name);
        if (_external is null)
        {
            _port = PortAllocator.GetFreePort();
            ConnectionString = $"Host=127.0.0.1;Port={_port};Username={PostgresServerResource.UserName};Password={context.Secret(resource.Password)}";
            _state.SetUrls([$"tcp://127.0.0.1:{_port}"]);
        }
        else
        {
            ConnectionString = _external;
            var builder = new NpgsqlConnectionStringBuilder(_external);
            _state.SetUrls([$"tcp://{builder.Host}:{builder.Port}"]);
            if (builder.Password is { Length: > 0 } password)
            {
                context.SecretValues.Add(password);
            }
        }
    }

    public override string Type => "postgres";

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
        var bin = Prerequisites.PostgresBinDirectory();
        var root = _context.ResourceDirectory(Resource.Name);
        var data = Path.Combine(root, "data");
        var socketDirectory = Path.Combine(root, "run");
        Directory.CreateDirectory(socketDirectory);
        string? user = PosixSignals.IsRoot ? "postgres" : null;
        if (user is not null)
        {
            await FileOwnership.GiveToAsync(user, root, _context.Console);
        }
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitializeClusterAsync(bin, root, data, user, cancellationToken);
        }
        var spec = new ProcessSpec(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", _port.ToString(), "-c", "listen_addresses=127.0.0.1", "-k", socketDirectory,
             "-c", "unix_socket_permissions=0700", "-c", "max_connections=300"], root)
        {
            RunAsUser = user,
        };
        // SIGINT is PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
        _server = new SupervisedProcess(_state, spec, ProbeAsync, _context.Reaper, _context.Console, PosixSignals.SIGINT);
        await _server.StartAsync(cancellationToken);
    }

    public override Task StopAsync() => _server?.StopAsync(TimeSpan.FromSeconds(20)) ?? Task.CompletedTask;

    private async Task InitializeClusterAsync(string bin, string root, string data, string? user, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(root, "initdb-password");
        DataFiles.WriteSecretFile(passwordFile, _context.Parameters.GetOrGenerate(((PostgresServerResource)Resource).Password));
        try
        {
            if (user is not null)
            {
                await FileOwnership.GiveToAsync(user, root, _context.Console);
            }
            var initdb = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
            var command = user is null ? new List<string>() : [$"--reuid={user}", $"--regid={user}", "--init-groups"];
            command.AddRange(["--", Path.Combine(bin, "initdb"), "-D", data, "-U", PostgresServerResource.UserName,
                "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"]);
            command.ForEach(initdb.ArgumentList.Add);
            using var process = Process.Start(initdb)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            foreach (var line in (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _state.AppendLog(line, isError: false);
            }
            if (process.ExitCode != 0)
            {
                throw new ResourceStartException(Resource.Name, $"initdb failed with exit code {process.ExitCode}", _state);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task<HealthResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return new HealthResult(true, DateTimeOffset.UtcNow, "accepting connections");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return new HealthResult(false, DateTimeOffset.UtcNow, ex.GetType().Name);
        }
    }
}
