using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// Pins processes, every thread of them, to some of the machine's cores with <c>taskset -a -p</c>, and gives them
/// every core back. Threads and processes started later inherit the mask of the thread that starts them.
/// </summary>
internal static class CorePinning
{
    public static bool Available => Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");

    public static string AllCores => $"0-{Environment.ProcessorCount - 1}";

    /// <summary>Pins each process to <paramref name="cores"/> (taskset's list form, e.g. "1"); processes gone meanwhile are skipped.</summary>
    public static async Task PinAsync(IEnumerable<int> pids, string cores, CancellationToken ct)
    {
        foreach (var pid in pids.Distinct())
        {
            var start = new ProcessStartInfo("taskset", ["-a", "-p", "-c", cores, pid.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var taskset = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
            await taskset.StandardOutput.ReadToEndAsync(ct);
            await taskset.StandardError.ReadToEndAsync(ct);
            await taskset.WaitForExitAsync(ct);
        }
    }
}
