using System.Diagnostics;

namespace Platform.Hosting;

/// <summary>
/// Makes sure no child outlives the AppHost, even when the AppHost is killed with SIGKILL.
/// Every child runs in its own process group; the reaper, a tiny shell process in its own session,
/// holds a pipe from the AppHost and, when that pipe closes (the AppHost is gone, however it died),
/// kills every process group it was told about.
/// </summary>
internal sealed class ProcessReaper : IDisposable
{
    private const string Script = """
        # stdin is a pipe held by the AppHost: EOF means the AppHost is gone.
        cat > /dev/null
        if [ -f "$1" ]; then
          while read -r group; do kill -KILL -- "-$group" 2>/dev/null; done < "$1"
          rm -f "$1"
        fi
        """;

    private readonly string _groupsFile;
    private readonly Process _process;
    private readonly Lock _gate = new();

    public ProcessReaper(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        _groupsFile = Path.Combine(runDirectory, "process-groups");
        File.WriteAllText(_groupsFile, "");
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "bash", "-c", Script, "reaper", _groupsFile })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the process reaper.");
    }

    public void Track(int processGroupId)
    {
        lock (_gate)
        {
            File.AppendAllText(_groupsFile, processGroupId + "\n");
        }
    }

    /// <summary>Closing the pipe lets the reaper sweep (by now already stopped) groups and exit.</summary>
    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
