namespace Platform.Tests.Infrastructure;

/// <summary>Every process a running platform consists of, gathered several ways so that none escapes notice.</summary>
public static class PlatformProcesses
{
    /// <summary>
    /// The AppHost and its descendants; Aspire's orchestrator (DCP detaches from the AppHost but names it in
    /// <c>--monitor PID</c>) with everything it started; and any process whose command line or environment names the
    /// platform's data folder (PostgreSQL, the Erlang VM). The test run itself is left out.
    /// </summary>
    public static IReadOnlyList<ProcessEntry> Collect(AppHostRun run)
    {
        var table = ProcessTable.All();
        var self = ProcessTable.SelfAndAncestors(table);
        var found = new Dictionary<int, ProcessEntry>();
        void Add(ProcessEntry p)
        {
            if (!self.Contains(p.Pid))
            {
                found.TryAdd(p.Pid, p);
            }
        }
        var appHostPid = run.Process.Pid;
        foreach (var p in table.Where(p => p.Pid == appHostPid))
        {
            Add(p);
        }
        var roots = new List<int> { appHostPid };
        roots.AddRange(ProcessTable.Monitoring(appHostPid, table).Select(p => p.Pid));
        foreach (var root in roots)
        {
            foreach (var p in table.Where(p => p.Pid == root).Concat(ProcessTable.Descendants(root, table)))
            {
                Add(p);
            }
        }
        foreach (var p in ProcessTable.Referencing(run.DataDirectory, table))
        {
            Add(p);
        }
        return [.. found.Values];
    }

    /// <summary>Waits until none of <paramref name="processes"/> and no process naming the data folder is alive.</summary>
    public static Task WaitUntilAllGoneAsync(IReadOnlyList<ProcessEntry> processes, string dataDirectory, TimeSpan timeout)
    {
        IReadOnlyList<ProcessEntry> survivors = [];
        return Eventually.UntilAsync(
            () =>
            {
                var table = ProcessTable.All();
                var self = ProcessTable.SelfAndAncestors(table);
                survivors = [.. processes.Where(ProcessTable.IsAlive)
                    .Concat(ProcessTable.Referencing(dataDirectory, table).Where(p => p.State is not ('Z' or 'X') && !self.Contains(p.Pid)))
                    .DistinctBy(p => p.Pid)];
                return survivors.Count == 0;
            },
            timeout,
            () => $"no platform process alive; still alive: {string.Join("; ", survivors)}");
    }

    /// <summary>Cleans up after a failed test: SIGKILLs whichever of the platform's processes still live.</summary>
    public static void KillSurvivors(IEnumerable<ProcessEntry> processes)
    {
        foreach (var process in processes.Where(ProcessTable.IsAlive))
        {
            try
            {
                UnixSignal.Send(process.Pid, UnixSignal.SigKill);
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }
        }
    }
}
