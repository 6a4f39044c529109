using System.Diagnostics;
using Npgsql;
using Platform.Benchmarks.Audit;
using Platform.Benchmarks.Webhooks;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// CPU time of everything an audited tool call runs through: this process (the client and the in-process upstream),
/// the gateway, both edge replicas, the registry, RabbitMQ, the audit writer and PostgreSQL, read from <c>/proc</c>.
/// On two shared cores this says where a call's cost goes, and what throughput the cores could carry at best.
/// </summary>
internal sealed class EdgeCpu(IReadOnlyList<(string Name, Func<TimeSpan> Read)> parts)
{
    public IReadOnlyList<string> Names => [.. parts.Select(part => part.Name)];

    public static EdgeCpu Find(BenchmarkPlatform platform)
    {
        var eventbus = platform.ConnectionString("eventbus");
        var postgresPort = new NpgsqlConnectionStringBuilder(platform.ConnectionString("auditdb")).Port;
        return new EdgeCpu(
        [
            ("client + upstream", () => Process.GetCurrentProcess().TotalProcessorTime),
            ("gateway", Sum(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=gateway").Intersect(PlatformProcesses.OfThisRun()).ToList())),
            ("mcp-edge (2 replicas)", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__eventbus={eventbus}")
                .Intersect(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=mcp-edge")).ToList())),
            ("integration-registry", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__eventbus={eventbus}")
                .Intersect(PlatformProcesses.WithEnvironment("OTEL_SERVICE_NAME=integration-registry")).ToList())),
            ("rabbitmq", Sum(PlatformProcesses.WithEnvironment($"RABBITMQ_NODE_PORT={new Uri(eventbus).Port}"))),
            ("audit-writer", Sum(PlatformProcesses.WithEnvironment($"ConnectionStrings__auditdb={platform.ConnectionString("auditdb")}"))),
            ("postgres", Sum(PlatformProcesses.WithArgument("-p", postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        ]);
    }

    public TimeSpan[] Snapshot() => [.. parts.Select(part => part.Read())];

    private static Func<TimeSpan> Sum(IReadOnlyList<int> pids) => () => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.TreeTime(pid));
}
