using System.Diagnostics;

namespace Platform.Hosting;

/// <summary>A child process in its own process group, with its output captured into the resource's log.</summary>
internal sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;

    private ManagedProcess(Process process, Task<int> exited)
    {
        _process = process;
        Exited = exited;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited { get; }

    public static ManagedProcess Start(ProcessSpec spec, ResourceInstanceState log, ProcessReaper reaper)
    {
        // setsid makes the child the leader of a new process group (its pid is the group id), so a stop
        // or the reaper reaches its grandchildren too; it execs in place, so no extra process remains.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (spec.RunAsUser is { } user)
        {
            foreach (var arg in new[] { "setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--" })
            {
                start.ArgumentList.Add(arg);
            }
        }
        start.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var key in start.Environment.Keys.Where(k => spec.RemoveInheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (name, value) in spec.Environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.AppendLog(e.Data, isError: false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.AppendLog(e.Data, isError: true); };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {spec.FileName}.");
        }
        reaper.Track(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process, WaitForExitAsync(process));
    }

    /// <summary>Asks the whole group to stop with <paramref name="signal"/>, then kills it after the grace period.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (Exited.IsCompleted)
        {
            PosixSignals.SignalGroup(Pid, PosixSignals.SIGKILL);
            return;
        }
        PosixSignals.SignalGroup(Pid, signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            PosixSignals.SignalGroup(Pid, PosixSignals.SIGKILL);
            await Exited;
        }
        // Grandchildren that lingered after the leader exited.
        PosixSignals.SignalGroup(Pid, PosixSignals.SIGKILL);
    }

    public void Dispose() => _process.Dispose();

    private static async Task<int> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
