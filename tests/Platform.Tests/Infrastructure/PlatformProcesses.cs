namespace Platform.Tests.Infrastructure;

/// <summary>Every process a running platform consists of, gathered several ways so that none escapes notice.</summary>
public static class PlatformProcesses
{
    /// <summary>
    /// The AppHost, its descendants, the members of every process group a listed instance leads or belongs to,
    /// and any process whose command line or environment names the platform's data folder (PostgreSQL, the
    /// Erlang VM, epmd). The test run's own process group is left out.
    /// </summary>
    public static IReadOnlyList<ProcessEntry> Collect(DistributedApplication app, IEnumerable<int> instancePids)
    {
        var table = ProcessTable.All();
        var self = ProcessTable.SelfAndAncestors(table);
        var ownGroup = ProcessTable.TryRead(Environment.ProcessId)?.ProcessGroup;
        var byPid = table.ToDictionary(p => p.Pid);
        var groups = instancePids
            .Select(pid => byPid.TryGetValue(pid, out var p) ? p.ProcessGroup : (int?)null)
            .OfType<int>()
            .Where(g => g != ownGroup)
            .ToHashSet();
        var found = new Dictionary<int, ProcessEntry>();
        void Add(ProcessEntry p)
        {
            if (!self.Contains(p.Pid))
            {
                found.TryAdd(p.Pid, p);
            }
        }
        if (byPid.TryGetValue(app.Process.Pid, out var appHost))
        {
            Add(appHost);
        }
        foreach (var p in ProcessTable.Descendants(app.Process.Pid, table))
        {
            Add(p);
        }
        foreach (var p in table.Where(p => groups.Contains(p.ProcessGroup)))
        {
            Add(p);
        }
        foreach (var p in ProcessTable.Referencing(app.DataDirectory, table))
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
