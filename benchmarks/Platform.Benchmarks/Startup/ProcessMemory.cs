using System.Globalization;
using Platform.Benchmarks.Webhooks;

namespace Platform.Benchmarks.Startup;

/// <summary>
/// The memory of this run's platform processes, from <c>/proc</c>: every process under the Aspire orchestrator (DCP)
/// that this benchmark's AppHost started, by kind. PSS (proportional set size) counts a page shared by several
/// processes once in total, so the kinds add up to what the platform really holds.
/// </summary>
internal static class ProcessMemory
{
    public static IReadOnlyDictionary<string, (int Processes, double Megabytes)> ByKind()
    {
        var totals = new SortedDictionary<string, (int, double)>(StringComparer.Ordinal);
        foreach (var pid in PlatformProcesses.OfThisRun())
        {
            var kind = Kind(PlatformProcesses.CommandLine(pid));
            var (count, megabytes) = totals.GetValueOrDefault(kind);
            totals[kind] = (count + 1, megabytes + PssMegabytes(pid));
        }
        return totals;
    }

    private static string Kind(string commandLine) => commandLine switch
    {
        _ when commandLine.StartsWith("dotnet run ", StringComparison.Ordinal) => "dotnet run wrappers (one per project instance)",
        _ when commandLine.Contains("/tools/dcp monitor-process", StringComparison.Ordinal) => "DCP process monitors",
        _ when commandLine.Contains("/tools/dcp", StringComparison.Ordinal) => "DCP (orchestrator)",
        _ when commandLine.Contains("/services/", StringComparison.Ordinal) && commandLine.Contains("/bin/", StringComparison.Ordinal) => "services (project instances)",
        _ when commandLine.StartsWith("postgres", StringComparison.Ordinal) || commandLine.Contains("/postgresql/", StringComparison.Ordinal) => "PostgreSQL",
        _ when commandLine.Contains("rabbit", StringComparison.OrdinalIgnoreCase) || commandLine.Contains("beam", StringComparison.Ordinal)
            || commandLine.Contains("epmd", StringComparison.Ordinal) || commandLine.Contains("erl_child_setup", StringComparison.Ordinal)
            || commandLine.Contains("inet_gethost", StringComparison.Ordinal) => "RabbitMQ (Erlang)",
        _ => "other",
    };

    private static double PssMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
