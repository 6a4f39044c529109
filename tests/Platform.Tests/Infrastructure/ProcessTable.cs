using System.Globalization;

namespace Platform.Tests.Infrastructure;

/// <summary>Reads the Linux process table from /proc: who descends from whom, and who still lives.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<ProcessEntry> All()
    {
        var entries = new List<ProcessEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryRead(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    public static ProcessEntry? TryRead(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone between listing and reading
        }
        // "pid (comm) state ppid pgrp session ... starttime(22nd field) ...": comm may hold spaces and parentheses.
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return new ProcessEntry(
            pid,
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            fields[0][0],
            ulong.Parse(fields[19], CultureInfo.InvariantCulture),
            stat[(open + 1)..close]);
    }

    /// <summary>Alive means: the same process (same start time) exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(ProcessEntry process) =>
        TryRead(process.Pid) is { } now && now.StartTime == process.StartTime && now.State is not ('Z' or 'X');

    /// <summary>Every process below <paramref name="rootPid"/> in the parent tree, at this moment.</summary>
    public static IReadOnlyList<ProcessEntry> Descendants(int rootPid, IReadOnlyList<ProcessEntry> table)
    {
        var children = table.ToLookup(p => p.ParentPid);
        var found = new List<ProcessEntry>();
        var pending = new Stack<int>([rootPid]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                found.Add(child);
                pending.Push(child.Pid);
            }
        }
        return found;
    }

    /// <summary>Processes whose command line or environment mentions <paramref name="path"/> (e.g. a platform's data folder).</summary>
    public static IReadOnlyList<ProcessEntry> Referencing(string path, IReadOnlyList<ProcessEntry> table) =>
        [.. table.Where(p => Mentions(p.Pid, "cmdline", path) || Mentions(p.Pid, "environ", path))];

    /// <summary>Processes started with <c>--monitor PID</c>: Aspire's orchestrator (DCP) watching the AppHost it serves.</summary>
    public static IReadOnlyList<ProcessEntry> Monitoring(int pid, IReadOnlyList<ProcessEntry> table) =>
        [.. table.Where(p => Mentions(p.Pid, "cmdline", $"--monitor\0{pid}\0"))];

    /// <summary>The command line with its arguments separated by spaces, or empty once the process is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The test run itself and its ancestors, which must never be counted as a platform's processes.</summary>
    public static IReadOnlySet<int> SelfAndAncestors(IReadOnlyList<ProcessEntry> table)
    {
        var byPid = table.ToDictionary(p => p.Pid);
        var result = new HashSet<int>();
        for (var pid = Environment.ProcessId; pid > 0 && result.Add(pid) && byPid.TryGetValue(pid, out var entry);)
        {
            pid = entry.ParentPid;
        }
        return result;
    }

    private static bool Mentions(int pid, string file, string text)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}").Contains(text, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
