using System.Globalization;
using Platform.Benchmarks.Webhooks;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// Calls/s at 16 callers with the client and the upstream (this process) pinned to one core and everything they call
/// (the platform's processes, Aspire's orchestrator, and the peer) to the other, then the reverse: what the platform
/// serves on one core of its own when its callers and upstreams run elsewhere, as in a deployment.
/// </summary>
internal static class EdgeCoreSplit
{
    private const int Callers = 16;
    private const int Rounds = 2;
    private static readonly TimeSpan Each = TimeSpan.FromSeconds(4);

    /// <summary>Rows for <paramref name="paths"/>: the direct path, the platform's, the peer's, in that order.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> RunAsync(IReadOnlyList<EdgePath> paths, McpHubPeer peer, EdgeCpu cpu, CancellationToken ct)
    {
        int[] served = [.. PlatformProcesses.OfThisRun(), peer.ProcessId, .. ProcessTree.Descendants(peer.ProcessId)];
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            foreach (var (clientCore, servedCore) in new[] { ("0", "1"), ("1", "0") })
            {
                await CorePinning.PinAsync([Environment.ProcessId], clientCore, ct);
                await CorePinning.PinAsync(served, servedCore, ct);
                var results = await EdgeRounds.RunAsync(paths, Callers, Rounds, Each, cpu, ct);
                var (direct, ours, hub) = (results[0], results[1], results[2]);
                rows.Add(
                [
                    $"client + upstream on core {clientCore}, platform and peer on core {servedCore}",
                    Rate(direct), Rate(ours), Ms(ours.Latency.Percentile(50)), Busy(cpu.Platform(ours.Cpu.Select(t => t.TotalMilliseconds).ToArray()), ours), Busy(ours.Cpu[0].TotalMilliseconds, ours),
                    Rate(hub), Ms(hub.Latency.Percentile(50)), Busy(cpu.OfPeer(hub.Cpu.Select(t => t.TotalMilliseconds).ToArray()), hub), Busy(hub.Cpu[0].TotalMilliseconds, hub),
                ]);
            }
        }
        finally
        {
            await CorePinning.PinAsync([Environment.ProcessId, .. served], CorePinning.AllCores, CancellationToken.None);
        }
        return rows;
    }

    public static IReadOnlyList<string> Header =>
    [
        "placement", "direct calls/s", "ours calls/s", "ours p50 ms", "ours: platform core busy", "ours: client core busy",
        "peer calls/s", "peer p50 ms", "peer: its core busy", "peer: client core busy",
    ];

    private static string Rate(PathResult result) => result.Latency.OperationsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>CPU milliseconds spent over the path's running time, as a share of one core.</summary>
    private static string Busy(double cpuMilliseconds, PathResult result)
    {
        var seconds = result.Latency.Count / result.Latency.OperationsPerSecond;
        return (cpuMilliseconds / (seconds * 1000)).ToString("P0", CultureInfo.InvariantCulture);
    }
}
