using System.Runtime.InteropServices;

namespace Platform.Hosting;

/// <summary>Sends POSIX signals to process groups; .NET's Process.Kill only knows SIGKILL of one process.</summary>
internal static partial class PosixSignals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>Signals every process in the group led by <paramref name="processGroupId"/>; false if none is left.</summary>
    public static bool SignalGroup(int processGroupId, int signal) => kill(-processGroupId, signal) == 0;

    public static bool IsRoot => geteuid() == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
