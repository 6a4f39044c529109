using System.Diagnostics;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Whether a container runtime answers, as Aspire's container resources need (without one they stay "Runtime
/// unhealthy" and whatever waits for them waits forever).
/// </summary>
internal static class ContainerRuntime
{
    public static bool IsHealthy()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } configured ? configured : "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
