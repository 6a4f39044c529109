using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>Parent links of the machine's processes, from <c>/proc/PID/stat</c>.</summary>
internal static class ProcessTree
{
    /// <summary>The parent of a process, or 0 when it is gone.</summary>
    public static int Parent(int pid)
    {
        try
        {
            return ParentIn(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The parent's pid in the text of <c>/proc/PID/stat</c>.</summary>
    public static int ParentIn(string stat) =>
        // The command name is in parentheses and may hold spaces; the fields after it are space-separated.
        int.Parse(StatFields(stat)[1], CultureInfo.InvariantCulture);

    /// <summary>The fields after the command name in the text of <c>/proc/PID/stat</c> (state first).</summary>
    public static string[] StatFields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    /// <summary>Every process under <paramref name="root"/>, at any depth.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Parent(pid) is > 0 and var parent)
            {
                parents[pid] = parent;
            }
        }
        return [.. parents.Keys.Where(pid => IsUnder(pid, root, parents))];
    }

    private static bool IsUnder(int pid, int root, Dictionary<int, int> parents)
    {
        for (var current = parents.GetValueOrDefault(pid); current > 1; current = parents.GetValueOrDefault(current))
        {
            if (current == root)
            {
                return true;
            }
        }
        return false;
    }
}
