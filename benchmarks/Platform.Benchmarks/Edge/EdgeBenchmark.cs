using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// tools/call of an echo tool through gateway and edge versus the same upstream called directly, in the same run,
/// with the same SDK client: latency at 1 caller, throughput at 16 and 64, and time to the first progress
/// notification. The gateway's per-agent limit is raised so it measures its cost without throttling.
/// </summary>
public sealed class EdgeBenchmark : IBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private const int ProgressSamples = 200;

    public string Name => "edge";

    public string Description => "tools/call through gateway + MCP edge vs the upstream directly";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", "1000000");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", "1000000");
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        await using var upstream = await EchoUpstream.StartAsync(cancellationToken);
        var token = await EdgeTenant.CreateAsync(platform.Url("gateway"), platform.Parameters["platform-operator-key"], upstream.Endpoint, cancellationToken);

        await using var direct = await EdgeClient.ConnectAsync(upstream.Endpoint, bearer: null, cancellationToken);
        await using var edge = await EdgeClient.ConnectAsync(new Uri(platform.Url("gateway"), "/mcp"), token, cancellationToken);
        await using var replica = await EdgeClient.ConnectAsync(new Uri(platform.Url("mcp-edge"), "/mcp"), token, cancellationToken);
        var directEcho = Echo(direct, "echo");
        var edgeEcho = Echo(edge, $"{EdgeTenant.InstallSlug}__echo");
        var replicaEcho = Echo(replica, $"{EdgeTenant.InstallSlug}__echo");
        await LatencyRecorder.RunAsync(16, Warmup, directEcho, cancellationToken);
        await LatencyRecorder.RunAsync(16, Warmup, edgeEcho, cancellationToken);
        await LatencyRecorder.RunAsync(16, Warmup, replicaEcho, cancellationToken);

        var rows = new List<IReadOnlyList<string>>();
        var breakdown = new List<IReadOnlyList<string>>();
        var cpu = EdgeCpu.Find(platform);
        var cpuRows = new List<IReadOnlyList<string>>();
        foreach (var concurrency in new[] { 1, 16, 64 })
        {
            var beforeDirect = cpu.Snapshot();
            var baseline = await LatencyRecorder.RunAsync(concurrency, Duration, directEcho, cancellationToken);
            var beforeGateway = cpu.Snapshot();
            var measured = await LatencyRecorder.RunAsync(concurrency, Duration, edgeEcho, cancellationToken);
            if (concurrency == 16)
            {
                var afterGateway = cpu.Snapshot();
                cpuRows.Add(CpuRow("direct, 16 callers", beforeDirect, beforeGateway, baseline));
                cpuRows.Add(CpuRow("gateway + edge, 16 callers", beforeGateway, afterGateway, measured));
            }
            var edgeOnly = await LatencyRecorder.RunAsync(concurrency, Duration, replicaEcho, cancellationToken);
            var scenario = $"echo, {concurrency} caller{(concurrency == 1 ? "" : "s")}";
            rows.Add(Row(scenario, baseline, measured));
            breakdown.Add(Row(scenario, baseline, edgeOnly));
        }
        var progressDirect = await FirstProgressAsync(direct, "progress", cancellationToken);
        var progressEdge = await FirstProgressAsync(edge, $"{EdgeTenant.InstallSlug}__progress", cancellationToken);
        rows.Add(Row("time to first progress, 1 caller", progressDirect, progressEdge));

        report.Line($"Each row: {Duration.TotalSeconds:0} s per path after a {Warmup.TotalSeconds:0} s warm-up (progress: {ProgressSamples} calls). " +
            "Same SDK client and in-process upstream for both paths; the gateway path adds YARP, agent authentication (cached), " +
            "the per-agent rate limiter, catalog routing, a pooled upstream session and the audit record.");
        report.Line("");
        report.Table(
            ["scenario", "direct p50 ms", "direct p99 ms", "direct ops/s", "gateway p50 ms", "gateway p99 ms", "gateway ops/s", "added p50 ms", "throughput ratio"],
            rows);
        report.Line("CPU time per call (ms) in each part, during the 16-caller runs (from `/proc`; the client and the in-process upstream share "
            + "this benchmark's process), and the calls/s those costs would allow if they had the machine's cores to themselves:");
        report.Line("");
        report.Table(["path", .. cpu.Names, "total", $"calls/s at full use of {Environment.ProcessorCount} cores"], cpuRows);
        report.Line("The same, calling one edge replica directly (no gateway): the edge's own share.");
        report.Line("");
        report.Table(
            ["scenario", "direct p50 ms", "direct p99 ms", "direct ops/s", "edge p50 ms", "edge p99 ms", "edge ops/s", "added p50 ms", "throughput ratio"],
            breakdown);
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

    private static IReadOnlyList<string> Row(string scenario, LatencyRecorder direct, LatencyRecorder edge) =>
    [
        scenario,
        Ms(direct.Percentile(50)), Ms(direct.Percentile(99)), direct.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        Ms(edge.Percentile(50)), Ms(edge.Percentile(99)), edge.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        Ms(edge.Percentile(50) - direct.Percentile(50)),
        (edge.OperationsPerSecond / direct.OperationsPerSecond).ToString("0.00", CultureInfo.InvariantCulture),
    ];

    private static IReadOnlyList<string> CpuRow(string path, TimeSpan[] before, TimeSpan[] after, LatencyRecorder run)
    {
        var calls = Math.Max(1, run.Count);
        var perCall = after.Zip(before, (end, start) => (end - start).TotalMilliseconds / calls).ToArray();
        var total = perCall.Sum();
        return [path, .. perCall.Select(ms => ms.ToString("0.000", CultureInfo.InvariantCulture)), total.ToString("0.000", CultureInfo.InvariantCulture),
            (Environment.ProcessorCount * 1000 / total).ToString("N0", CultureInfo.InvariantCulture)];
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

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
