using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// The edge's own Streamable HTTP endpoint (<c>/mcp</c>) against the SDK's <c>MapMcp</c> endpoint serving the same
/// per-caller server on the same replica (<c>/mcp-sdk</c>, mapped for this measurement), with the upstream called
/// directly as the baseline: rounds alternate between the three so that drift on a shared machine hits all alike.
/// </summary>
public sealed class EdgeEndpointBenchmark : IBenchmark
{
    private const string SdkPath = "/mcp-sdk";
    private const int Rounds = 6;
    private const int ProgressSamples = 200;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ThroughputDuration = TimeSpan.FromSeconds(10);

    public string Name => "edge-endpoint";

    public string Description => "the edge's own MCP endpoint vs the SDK's MapMcp on one edge replica";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Environment.SetEnvironmentVariable("McpEdge__SdkEndpointPath", SdkPath);
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        await using var upstream = await EchoUpstream.StartAsync(cancellationToken);
        var token = await EdgeTenant.CreateAsync(platform.Url("gateway"), platform.Parameters["platform-operator-key"], upstream.Endpoint, cancellationToken);

        await using var direct = await EdgeClient.ConnectAsync(upstream.Endpoint, bearer: null, cancellationToken);
        await using var ours = await EdgeClient.ConnectAsync(new Uri(platform.Url("mcp-edge"), "/mcp"), token, cancellationToken);
        await using var sdk = await EdgeClient.ConnectAsync(new Uri(platform.Url("mcp-edge"), SdkPath), token, cancellationToken);
        var tool = $"{EdgeTenant.InstallSlug}__echo";
        var paths = new (string Name, Func<CancellationToken, Task> Call)[] { ("direct", Echo(direct, "echo")), ("ours", Echo(ours, tool)), ("sdk", Echo(sdk, tool)) };
        foreach (var (_, call) in paths)
        {
            await LatencyRecorder.RunAsync(16, Warmup, call, cancellationToken);
        }

        var p50 = paths.ToDictionary(p => p.Name, _ => new List<double>());
        var rows = new List<IReadOnlyList<string>>();
        for (var round = 1; round <= Rounds; round++)
        {
            var row = new List<string> { round.ToString(CultureInfo.InvariantCulture) };
            foreach (var (name, call) in paths)
            {
                var recorder = await LatencyRecorder.RunAsync(1, RoundDuration, call, cancellationToken);
                p50[name].Add(recorder.Percentile(50));
                row.Add(Ms(recorder.Percentile(50)));
            }
            row.Add(Ms(p50["ours"][^1] - p50["direct"][^1]));
            row.Add(Ms(p50["sdk"][^1] - p50["direct"][^1]));
            rows.Add(row);
        }
        var medians = p50.ToDictionary(p => p.Key, p => Median(p.Value));
        rows.Add(["median", Ms(medians["direct"]), Ms(medians["ours"]), Ms(medians["sdk"]),
            Ms(medians["ours"] - medians["direct"]), Ms(medians["sdk"] - medians["direct"])]);

        var throughput = new List<IReadOnlyList<string>>();
        foreach (var (name, call) in paths)
        {
            var recorder = await LatencyRecorder.RunAsync(16, ThroughputDuration, call, cancellationToken);
            throughput.Add([name, Ms(recorder.Percentile(50)), Ms(recorder.Percentile(99)), recorder.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture)]);
        }
        var progress = new List<IReadOnlyList<string>>();
        foreach (var (name, client, progressTool) in new[] { ("direct", direct, "progress"), ("ours", ours, $"{EdgeTenant.InstallSlug}__progress"), ("sdk", sdk, $"{EdgeTenant.InstallSlug}__progress") })
        {
            var recorder = await FirstProgressAsync(client, progressTool, cancellationToken);
            progress.Add([name, Ms(recorder.Percentile(50)), Ms(recorder.Percentile(99))]);
        }

        report.Line($"One edge replica called directly (no gateway). `tools/call` of the echo tool at 1 caller: {Rounds} rounds, each " +
            $"{RoundDuration.TotalSeconds:0} s per path in turn, after {Warmup.TotalSeconds:0} s of warm-up per path; added = path p50 − direct p50.");
        report.Line("");
        report.Table(["round", "direct p50 ms", "ours p50 ms", "sdk p50 ms", "ours added ms", "sdk added ms"], rows);
        report.Line($"16 callers, {ThroughputDuration.TotalSeconds:0} s per path:");
        report.Line("");
        report.Table(["path", "p50 ms", "p99 ms", "calls/s"], throughput);
        report.Line($"Time to the first progress notification, 1 caller, {ProgressSamples} calls per path:");
        report.Line("");
        report.Table(["path", "p50 ms", "p99 ms"], progress);
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
            var seen = 0;
            var first = new Progress(() =>
            {
                if (Interlocked.Exchange(ref seen, 1) == 0)
                {
                    recorder.Record(Stopwatch.GetElapsedTime(started));
                }
            });
            await client.CallToolAsync(tool, progress: first, cancellationToken: ct);
        }
        recorder.Stop();
        return recorder;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Progress(Action report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report();
    }
}
