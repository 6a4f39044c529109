using System.Globalization;
using Platform.Benchmarks.Webhooks;

namespace Platform.Benchmarks.Startup;

/// <summary>
/// Cold start to everything healthy with everything built: the first start on an empty data folder (PostgreSQL's
/// initdb, the databases, every migration) and two later starts on the same folder, as the AppHost measures it
/// (<c>startupSeconds</c> in endpoints.json); and the memory of the whole process tree at idle after the last start,
/// by kind of process, with the services themselves as the baseline.
/// </summary>
public sealed class StartupBenchmark : IBenchmark
{
    /// <summary>After everything is healthy, the services finish their first background rounds.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public string Name => "startup";

    public string Description => "AppHost: start to all healthy (first and later starts) and the process tree's memory at idle";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = Directory.CreateTempSubdirectory("platform-startup-").FullName;
        try
        {
            var starts = new List<IReadOnlyList<string>>();
            IReadOnlyDictionary<string, (int Processes, double Megabytes)> memory = new Dictionary<string, (int, double)>();
            foreach (var start in new[] { "first (empty data folder)", "second (same folder)", "third (same folder)" })
            {
                await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken, data);
                starts.Add([start, platform.StartupSeconds.ToString("0.0", CultureInfo.InvariantCulture)]);
                if (starts.Count == 3)
                {
                    await Task.Delay(Settle, cancellationToken);
                    memory = ProcessMemory.ByKind();
                }
            }
            report.Line("Each start: the AppHost's model run by Aspire.Hosting.Testing (no dashboard), timed by the AppHost from its start to every resource healthy.");
            report.Line("");
            report.Table(["start", "seconds to all healthy"], starts);
            var services = memory.GetValueOrDefault("services (project instances)").Megabytes;
            var total = memory.Values.Sum(m => m.Megabytes);
            report.Line($"Memory (PSS) of every process under this run's orchestrator, {Settle.TotalSeconds:0} s after the third start was healthy; ratio to the services' own memory:");
            report.Line("");
            report.Table(["kind", "processes", "MB", "ratio to services"], memory
                .OrderByDescending(m => m.Value.Megabytes)
                .Select(m => (IReadOnlyList<string>)[m.Key, m.Value.Processes.ToString(CultureInfo.InvariantCulture), m.Value.Megabytes.ToString("0", CultureInfo.InvariantCulture), Ratio(m.Value.Megabytes, services)])
                .Append(["total", memory.Values.Sum(m => m.Processes).ToString(CultureInfo.InvariantCulture), total.ToString("0", CultureInfo.InvariantCulture), Ratio(total, services)]));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Ratio(double value, double baseline) =>
        baseline > 0 ? (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
