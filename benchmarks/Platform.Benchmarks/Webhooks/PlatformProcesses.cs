using System.Globalization;
using System.Text;

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
        return [.. matches.Where(pid => !matches.Contains(Parent(pid)))];
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

    private static int Parent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat", Encoding.ASCII);
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
