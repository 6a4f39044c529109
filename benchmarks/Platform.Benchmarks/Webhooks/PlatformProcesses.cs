using System.Globalization;

namespace Platform.Benchmarks.Webhooks;

/// <summary>
/// Finds this run's processes in <c>/proc</c> by what only they have (an environment entry, an argument pair), so that
/// other platforms running on the same machine are never counted.
/// </summary>
internal static class PlatformProcesses
{
    /// <summary>Processes with an environment entry starting with <paramref name="entry"/> (<c>NAME=value</c>), without their matching descendants.</summary>
    public static IReadOnlyList<int> WithEnvironment(string entry)
    {
        var matches = Scan(pid => File.ReadAllText($"/proc/{pid}/environ").Split('\0').Any(variable => variable.StartsWith(entry, StringComparison.Ordinal)));
        return [.. matches.Where(pid => !matches.Contains(ProcessTree.Parent(pid)))];
    }

    /// <summary>
    /// The Aspire orchestrator (DCP's API server) that this benchmark's AppHost started, and every process under it:
    /// the whole platform of this run.
    /// </summary>
    public static IReadOnlyList<int> OfThisRun()
    {
        var orchestrator = WithArgument("--monitor", Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            .FirstOrDefault(pid => CommandLine(pid).Contains("start-apiserver", StringComparison.Ordinal));
        return orchestrator == 0
            ? throw new InvalidOperationException("No Aspire orchestrator (dcp start-apiserver) monitors this process.")
            : [orchestrator, .. ProcessTree.Descendants(orchestrator)];
    }

    /// <summary>A process's command line, its arguments separated by spaces ("" once it is gone).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Processes whose command line has <paramref name="name"/> followed by <paramref name="value"/>.</summary>
    public static IReadOnlyList<int> WithArgument(string name, string value) => [.. Scan(pid =>
    {
        var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        return arguments.Zip(arguments.Skip(1)).Any(pair => pair.First == name && pair.Second == value);
    })];

    private static HashSet<int> Scan(Func<int, bool> predicate)
    {
        var pids = new HashSet<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                try
                {
                    if (predicate(pid))
                    {
                        pids.Add(pid);
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Gone, or not ours to read.
                }
            }
        }
        return pids;
    }
}
