using System.Globalization;

namespace Platform.Benchmarks.Audit;

/// <summary>
/// CPU time of a process and all its descendants, from <c>/proc</c>: the part of a shared machine's CPU one
/// resource used, which stays meaningful when other work competes for the cores.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Linux reports process times in clock ticks of 1/100 s (USER_HZ).</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan TreeTime(int rootPid) => Sample().TreeTime(rootPid);

    /// <summary>One reading of every process's CPU time and parent (one pass over <c>/proc</c>).</summary>
    public static CpuSample Sample()
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, (long Own, long Total)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = ProcessTree.StatFields(stat);
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                // utime, stime, and cutime, cstime (children already exited and reaped).
                var own = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                ticks[pid] = (own, own + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }
        return new CpuSample(parents, ticks);
    }

    /// <summary>CPU times as one <see cref="Sample"/> read them.</summary>
    internal sealed class CpuSample(Dictionary<int, int> parents, Dictionary<int, (long Own, long Total)> ticks)
    {
        /// <summary>The process and every descendant (with their reaped children).</summary>
        public TimeSpan TreeTime(int rootPid)
        {
            long total = 0;
            foreach (var (pid, times) in ticks)
            {
                for (var current = pid; current > 1; current = parents.GetValueOrDefault(current))
                {
                    if (current == rootPid)
                    {
                        total += times.Total;
                        break;
                    }
                }
            }
            return TimeSpan.FromSeconds(total / TicksPerSecond);
        }

        /// <summary>The process alone (zero once it is gone).</summary>
        public TimeSpan OwnTime(int pid) => TimeSpan.FromSeconds(ticks.GetValueOrDefault(pid).Own / TicksPerSecond);
    }
}
