using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// tools/call of an echo tool through gateway and edge versus the same upstream called directly and through a peer
/// gateway (mcp-hub, npm), in interleaved rounds of the same run, with the same SDK client: latency at 1 caller,
/// throughput at 16 and 64, CPU per call in every process, time to the first progress notification, and calls/s with
/// the client and upstream on one core and the platform on the other. The gateway's per-agent limit is raised so it
/// measures its cost without throttling.
/// </summary>
public sealed class EdgeBenchmark : IBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(4);
    private const int Rounds = 3;
    private const int ProgressSamples = 200;
    private static readonly int[] CpuCallers = [1, 16];
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(5);

    public string Name => "edge";

    public string Description => "tools/call through gateway + MCP edge vs the upstream directly and vs a peer (mcp-hub)";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var loadAtStart = LoadAverage();
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", "1000000");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", "1000000");
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        await using var upstream = await EchoUpstream.StartAsync(cancellationToken);
        await using var peer = await McpHubPeer.StartAsync(upstream.Endpoint, cancellationToken);
        var token = await EdgeTenant.CreateAsync(platform.Url("gateway"), platform.Parameters["platform-operator-key"], upstream.Endpoint, cancellationToken);

        await using var direct = await EdgeClient.ConnectAsync(upstream.Endpoint, bearer: null, cancellationToken);
        await using var edge = await EdgeClient.ConnectAsync(new Uri(platform.Url("gateway"), "/mcp"), token, cancellationToken);
        await using var hub = await EdgeClient.ConnectAsync(peer.Endpoint, bearer: null, HttpTransportMode.Sse, "2025-06-18", cancellationToken);
        await using var replica = await EdgeClient.ConnectAsync(new Uri(platform.Url("mcp-edge"), "/mcp"), token, cancellationToken);
        var tool = $"{EdgeTenant.InstallSlug}__echo";
        EdgePath[] paths =
        [
            new("direct", Echo(direct, "echo")),
            new("gateway + edge", Echo(edge, tool)),
            new("peer (mcp-hub)", Echo(hub, tool)),
            new("edge alone", Echo(replica, tool)),
        ];
        foreach (var path in paths)
        {
            await LatencyRecorder.RunAsync(16, Warmup, path.Call, cancellationToken);
        }

        var cpu = EdgeCpu.Find(platform, peer);
        var idle = await IdleAsync(cpu, cancellationToken);
        var results = new Dictionary<int, IReadOnlyList<PathResult>>();
        foreach (var concurrency in new[] { 1, 16, 64 })
        {
            results[concurrency] = await EdgeRounds.RunAsync(paths, concurrency, Rounds, RoundDuration, cpu, cancellationToken);
        }
        var progressDirect = await FirstProgressAsync(direct, "progress", cancellationToken);
        var progressEdge = await FirstProgressAsync(edge, $"{EdgeTenant.InstallSlug}__progress", cancellationToken);
        var split = CorePinning.Available ? await EdgeCoreSplit.RunAsync(paths[..3], peer, cpu, cancellationToken) : null;

        report.Line($"Load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {LoadAverage()}.");
        report.Line("");
        report.Line($"Each path: {Rounds} interleaved rounds of {RoundDuration.TotalSeconds:0} s (every path in turn each round) after a {Warmup.TotalSeconds:0} s warm-up. " +
            "Same SDK client and in-process upstream for every path; the gateway path adds YARP, agent authentication (cached), " +
            "the per-agent rate limiter, catalog routing, a pooled upstream session and the audit record. The peer is mcp-hub " +
            "(npm, one Node process on loopback, no authentication, no audit) with the same upstream, called over the HTTP+SSE transport it serves.");
        report.Line("");
        report.Table(
            ["scenario", "direct p50 ms", "direct ops/s", "ours p50 ms", "ours p99 ms", "ours ops/s", "ours added p50 ms", "ours ratio",
                "peer p50 ms", "peer p99 ms", "peer ops/s", "peer added p50 ms", "peer ratio"],
            results.Select(pair => Row($"echo, {pair.Key} caller{(pair.Key == 1 ? "" : "s")}", pair.Value[0], pair.Value[1], pair.Value[2])));
        report.Line($"Time to the first progress notification, 1 caller, {ProgressSamples} calls: p50 {Ms(progressDirect.Percentile(50))} ms direct, " +
            $"{Ms(progressEdge.Percentile(50))} ms through gateway and edge (p99 {Ms(progressDirect.Percentile(99))} and {Ms(progressEdge.Percentile(99))} ms).");
        report.Line("");
        report.Line("CPU time per call (ms) in each process (from `/proc`; the client and the in-process upstream share this benchmark's process). "
            + "\"Path's own\" is what the path adds to the direct exchange: for ours every platform process including Aspire's orchestrator (its proxies "
            + "carry gateway → edge and the services' RabbitMQ and PostgreSQL connections), for the peer its Node process; \"× direct\" divides it by the direct exchange's whole CPU per call in the same run. "
            + "Each figure includes the part's idle work during the run (last row: what each part spends per second with no calls at all).");
        report.Line("");
        report.Table(["path", .. cpu.Names, "total", "path's own", "× direct", $"calls/s at full use of {Environment.ProcessorCount} cores"],
            [.. CpuCallers.SelectMany(callers => CpuRows(cpu, callers, results[callers], paths)),
                [$"idle: ms of CPU per second, no calls ({IdleTime.TotalSeconds:0} s)", .. idle.Select(Cpu), Cpu(idle.Sum()), "", "", ""]]);
        report.Line("The same, calling one edge replica directly (no gateway): the edge's own share.");
        report.Line("");
        report.Table(
            ["scenario", "direct p50 ms", "direct ops/s", "edge p50 ms", "edge p99 ms", "edge ops/s", "edge added p50 ms", "edge ratio"],
            results.Select(pair => Row($"echo, {pair.Key} caller{(pair.Key == 1 ? "" : "s")}", pair.Value[0], pair.Value[3])));
        if (split is null)
        {
            report.Line("Calls/s with the client and the platform on separate cores: not measured (needs 2 cores and taskset).");
            return;
        }
        report.Line($"16 callers with this process (client, upstream, and the idle Aspire host) pinned to one core and every platform process "
            + "(and the peer) to the other with `taskset -a -p`, 2 interleaved rounds of 4 s per path; \"busy\" is the CPU a side spent over the run's time, as a share of its core:");
        report.Line("");
        report.Table(EdgeCoreSplit.Header, split);
    }

    /// <summary>What each part spends with no calls at all (health checks, timers, the broker's own work), per second.</summary>
    private static async Task<double[]> IdleAsync(EdgeCpu cpu, CancellationToken ct)
    {
        var before = cpu.Snapshot();
        var wall = Stopwatch.StartNew();
        await Task.Delay(IdleTime, ct);
        var after = cpu.Snapshot();
        return [.. after.Zip(before, (end, start) => (end - start).TotalMilliseconds / wall.Elapsed.TotalSeconds)];
    }

    private static Func<CancellationToken, Task> Echo(McpClient client, string tool) => async ct =>
    {
        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["text"] = "hello" }, cancellationToken: ct);
        if (result.IsError == true)
        {
            throw new InvalidOperationException($"{tool} failed.");
        }
    };

    private static async Task<LatencyRecorder> FirstProgressAsync(McpClient client, string tool, CancellationToken ct)
    {
        var recorder = new LatencyRecorder();
        recorder.Start();
        for (var i = 0; i < ProgressSamples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var first = new FirstReport(() => recorder.Record(Stopwatch.GetElapsedTime(started)));
            await client.CallToolAsync(tool, progress: first, cancellationToken: ct);
        }
        recorder.Stop();
        return recorder;
    }

    private static IReadOnlyList<string> Row(string scenario, PathResult direct, params PathResult[] others) =>
    [
        scenario, Ms(direct.Latency.Percentile(50)), Rate(direct.Latency),
        .. others.SelectMany(other => new[]
        {
            Ms(other.Latency.Percentile(50)), Ms(other.Latency.Percentile(99)), Rate(other.Latency),
            Ms(other.Latency.Percentile(50) - direct.Latency.Percentile(50)),
            (other.Latency.OperationsPerSecond / direct.Latency.OperationsPerSecond).ToString("0.00", CultureInfo.InvariantCulture),
        }),
    ];

    private static IEnumerable<IReadOnlyList<string>> CpuRows(EdgeCpu cpu, int callers, IReadOnlyList<PathResult> results, IReadOnlyList<EdgePath> paths)
    {
        var direct = results[0].CpuPerCall.Sum();
        for (var path = 0; path < paths.Count; path++)
        {
            var perCall = results[path].CpuPerCall;
            var total = perCall.Sum();
            double? own = path switch { 0 => null, 2 => cpu.OfPeer(perCall), _ => cpu.Platform(perCall) };
            yield return
            [
                $"{paths[path].Name}, {callers} caller{(callers == 1 ? "" : "s")}",
                .. perCall.Select(Cpu), Cpu(total),
                own is { } value ? Cpu(value) : "",
                own is { } ratio ? (ratio / direct).ToString("0.0", CultureInfo.InvariantCulture) : "",
                (Environment.ProcessorCount * 1000 / total).ToString("N0", CultureInfo.InvariantCulture),
            ];
        }
    }

    private static string Cpu(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(LatencyRecorder recorder) => recorder.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Calls back on the first progress notification only.</summary>
    private sealed class FirstReport(Action first) : IProgress<ProgressNotificationValue>
    {
        private int _seen;

        public void Report(ProgressNotificationValue value)
        {
            if (Interlocked.Exchange(ref _seen, 1) == 0)
            {
                first();
            }
        }
    }
}
