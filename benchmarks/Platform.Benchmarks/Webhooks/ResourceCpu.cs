using Npgsql;
using Platform.Benchmarks.Audit;

namespace Platform.Benchmarks.Webhooks;

/// <summary>
/// CPU time used by the resources a webhook passes through (with their child processes), read from <c>/proc</c>:
/// on a shared machine, CPU per webhook stays meaningful where throughput does not.
/// </summary>
internal sealed class ResourceCpu(IReadOnlyList<(string Name, IReadOnlyList<int> Pids)> resources)
{
    public IReadOnlyList<string> Names => [.. resources.Select(resource => resource.Name)];

    public static ResourceCpu Find(BenchmarkPlatform platform)
    {
        var postgresPort = new NpgsqlConnectionStringBuilder(platform.ConnectionString("webhookdb")).Port;
        var rabbitPort = new Uri(platform.ConnectionString("eventbus")).Port;
        var ingress = platform.Url("webhook-ingress").GetLeftPart(UriPartial.Authority);
        return new ResourceCpu(
        [
            ("webhook-ingress", PlatformProcesses.WithEnvironment($"ConnectionStrings__webhookdb={platform.ConnectionString("webhookdb")}")),
            ("postgres", PlatformProcesses.WithArgument("-p", postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("rabbitmq", PlatformProcesses.WithEnvironment($"RABBITMQ_NODE_PORT={rabbitPort}")),
            ("gateway", PlatformProcesses.WithEnvironment($"services__webhook-ingress__http__0={ingress}")),
        ]);
    }

    /// <summary>Each resource's CPU time so far.</summary>
    public TimeSpan[] Snapshot() =>
        [.. resources.Select(resource => resource.Pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.TreeTime(pid)))];
}
