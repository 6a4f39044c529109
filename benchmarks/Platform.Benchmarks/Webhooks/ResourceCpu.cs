using Platform.Benchmarks.Audit;

namespace Platform.Benchmarks.Webhooks;

/// <summary>
/// CPU time used by the resources a webhook passes through (with their child processes), read from <c>/proc</c>:
/// on a shared machine, CPU per webhook stays meaningful where throughput does not.
/// </summary>
internal sealed class ResourceCpu(IReadOnlyList<(string Name, IReadOnlyList<int> Pids)> resources)
{
    public IReadOnlyList<string> Names => [.. resources.Select(resource => resource.Name)];

    /// <summary>
    /// This run's processes only (under the orchestrator this benchmark started), each service by its OpenTelemetry
    /// name, PostgreSQL by its server's command line (clients connect through Aspire's proxy port, not the server's),
    /// RabbitMQ by its configuration file's variable.
    /// </summary>
    public static ResourceCpu Find()
    {
        var run = PlatformProcesses.OfThisRun();
        var servers = run.Where(pid => PlatformProcesses.CommandLine(pid).Contains("/bin/postgres -D ", StringComparison.Ordinal)).ToHashSet();
        IReadOnlyList<int> Of(string environmentEntry) => [.. PlatformProcesses.WithEnvironment(environmentEntry).Intersect(run)];
        var resources = new (string Name, IReadOnlyList<int> Pids)[]
        {
            ("webhook-ingress", Of("OTEL_SERVICE_NAME=webhook-ingress")),
            ("postgres", [.. servers.Where(pid => !servers.Contains(ProcessTree.Parent(pid)))]),
            ("rabbitmq", Of("RABBITMQ_CONFIG_FILE=")),
            ("gateway", Of("OTEL_SERVICE_NAME=gateway")),
        };
        if (resources.FirstOrDefault(resource => resource.Pids.Count == 0) is { Name: { } missing })
        {
            throw new InvalidOperationException($"No process of this run was found for {missing}: its CPU time would read as zero.");
        }
        return new ResourceCpu(resources);
    }

    /// <summary>Each resource's CPU time so far.</summary>
    public TimeSpan[] Snapshot() =>
        [.. resources.Select(resource => resource.Pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.TreeTime(pid)))];
}
