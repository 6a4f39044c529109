using System.Diagnostics;
using Platform.Benchmarks.Audit;
using Platform.Benchmarks.Webhooks;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// CPU time of everything an audited tool call runs through: this process (the client and the in-process upstream),
/// the gateway, both edge replicas, the registry, RabbitMQ, the audit writer, PostgreSQL and Aspire's orchestrator
/// (DCP: its proxies sit between the gateway and the edge replicas, and between the services and RabbitMQ and
/// PostgreSQL), and the peer (mcp-hub), read from <c>/proc</c>.
/// On two shared cores this says where a call's cost goes, and what throughput the cores could carry at best.
/// </summary>
internal sealed class EdgeCpu(IReadOnlyList<(string Name, Func<ProcessCpu.CpuSample, TimeSpan> Read)> parts)
{
    /// <summary>The first part: the client and the upstream, which every path needs; the rest is what a path adds.</summary>
    public const string ClientAndUpstream = "client + upstream";

    public const string Peer = "mcp-hub (peer)";

    public IReadOnlyList<string> Names => [.. parts.Select(part => part.Name)];

    /// <summary>The platform's share of <paramref name="values"/> (one per part): everything but the client, the upstream and the peer.</summary>
    public double Platform(IReadOnlyList<double> values) =>
        values.Where((_, part) => parts[part].Name is not (ClientAndUpstream or Peer)).Sum();

    /// <summary>The peer's share of <paramref name="values"/> (one per part).</summary>
    public double OfPeer(IReadOnlyList<double> values) => values[parts.Count - 1];

    public static EdgeCpu Find(BenchmarkPlatform platform, McpHubPeer peer)
    {
        var eventbus = platform.ConnectionString("eventbus");
        var run = PlatformProcesses.OfThisRun();
        return new EdgeCpu(
        [
            (ClientAndUpstream, _ => Process.GetCurrentProcess().TotalProcessorTime),
            ("gateway", Sum(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=gateway").Intersect(run).ToList())),
            ("mcp-edge (2 replicas)", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__eventbus={eventbus}")
                .Intersect(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=mcp-edge")).ToList())),
            ("integration-registry", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__eventbus={eventbus}")
                .Intersect(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=integration-registry")).ToList())),
            // By their files in the data folder: the services reach both through Aspire's proxies, on other ports.
            ("rabbitmq", Sum(PlatformProcesses.WithEnvironment($"RABBITMQ_MNESIA_BASE={Path.Combine(platform.DataDirectory, "eventbus", "mnesia")}"))),
            ("audit-writer", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__auditdb={platform.ConnectionString("auditdb")}"))),
            ("postgres", Sum(PlatformProcesses.WithArgument("-D", Path.Combine(platform.DataDirectory, "postgres", "data")))),
            ("aspire dcp (proxies)", SumOwn([.. run.Where(pid => Command(pid).StartsWith("dcp", StringComparison.Ordinal))])),
            (Peer, sample => sample.TreeTime(peer.ProcessId)),
        ]);
    }

    /// <summary>Every part's CPU time so far; this process's own is read first, so the reading's cost falls outside a window that starts with it.</summary>
    public TimeSpan[] Snapshot()
    {
        var own = parts[0].Read(null!);
        var sample = ProcessCpu.Sample();
        return [own, .. parts.Skip(1).Select(part => part.Read(sample))];
    }

    private static Func<ProcessCpu.CpuSample, TimeSpan> Sum(IReadOnlyList<int> pids) => sample => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + sample.TreeTime(pid));

    private static Func<ProcessCpu.CpuSample, TimeSpan> SumOwn(IReadOnlyList<int> pids) => sample => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + sample.OwnTime(pid));

    private static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
