using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// The peer the edge benchmark measures beside the platform: mcp-hub (npm, one Node process, no authentication, no
/// audit), installed by <c>npm ci</c> from benchmarks/Peers/mcp-hub (its package-lock.json) and started on a free
/// loopback port with the benchmark's upstream as its one server, named like the platform's install so that its
/// unified endpoint offers the same <c>echo__echo</c>. Its endpoint is MCP's HTTP+SSE transport (GET <c>/mcp</c>,
/// POST <c>/messages</c>), the only one mcp-hub 4.2.1 serves to clients.
/// </summary>
internal sealed class McpHubPeer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _state;

    private McpHubPeer(Process process, DirectoryInfo state, int port)
    {
        _process = process;
        _state = state;
        Endpoint = new Uri($"http://127.0.0.1:{port}/mcp");
    }

    public Uri Endpoint { get; }

    public int ProcessId => _process.Id;

    public static async Task<McpHubPeer> StartAsync(Uri upstream, CancellationToken ct)
    {
        var directory = Path.Combine(RepositoryRoot(), "benchmarks", "Peers", "mcp-hub");
        await InstallAsync(directory, ct);
        var state = Directory.CreateTempSubdirectory("mcp-hub-peer-");
        var config = Path.Combine(state.FullName, "mcp-servers.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { mcpServers = new Dictionary<string, object> { [EdgeTenant.InstallSlug] = new { url = upstream.ToString() } } }), ct);
        var port = FreePort();
        var start = new ProcessStartInfo("node", ["--import", "./loopback.mjs", "node_modules/mcp-hub/dist/cli.js", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--config", config])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Its workspace cache, logs and data go to the run's own folder, not the user's home.
        foreach (var variable in new[] { "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" })
        {
            start.Environment[variable] = state.FullName;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        // mcp-hub logs every event to standard output: drained, never read, so the pipe never fills.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new McpHubPeer(process, state, port);
        try
        {
            await peer.WaitConnectedAsync(ct);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _state.Delete(recursive: true);
    }

    /// <summary>Until mcp-hub's health API reports the upstream connected (its tools listed).</summary>
    private async Task WaitConnectedAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(Endpoint, "/api/health");
        var deadline = Stopwatch.StartNew();
        string? last = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mcp-hub exited with code {_process.ExitCode} before its upstream connected.");
            }
            try
            {
                last = await http.GetStringAsync(health, ct);
                using var document = JsonDocument.Parse(last);
                if (document.RootElement.GetProperty("servers").EnumerateArray().Any(server => server.GetProperty("status").GetString() == "connected"))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        throw new InvalidOperationException($"mcp-hub's upstream was not connected within {StartTimeout.TotalSeconds:0} s; last health: {last ?? "none"}");
    }

    /// <summary>npm ci from the checked-in lock file, when node_modules is missing or older than the lock (as scripts/prerequisites.sh does for the test servers).</summary>
    private static async Task InstallAsync(string directory, CancellationToken ct)
    {
        var installed = Path.Combine(directory, "node_modules", ".package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json")))
        {
            return;
        }
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start (Node.js and npm are needed for the peer).");
        var output = npm.StandardOutput.ReadToEndAsync(ct);
        var errors = npm.StandardError.ReadToEndAsync(ct);
        await npm.WaitForExitAsync(ct);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed ({npm.ExitCode}): {await errors}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
