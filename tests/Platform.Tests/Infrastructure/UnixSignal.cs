using System.Runtime.InteropServices;

namespace Platform.Tests.Infrastructure;

/// <summary>Sends POSIX signals; .NET's Process.Kill only knows SIGKILL.</summary>
public static partial class UnixSignal
{
    /// <summary>What Ctrl+C sends.</summary>
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
