using System.Diagnostics;

namespace Platform.Hosting;

/// <summary>Lets a system user (postgres) own its folder and reach it, when the AppHost runs as root.</summary>
internal static class FileOwnership
{
    public static async Task GiveToAsync(string user, string directory, AppHostConsole console)
    {
        using (var chown = Process.Start("chown", ["-R", $"{user}:{user}", directory]))
        {
            await chown.WaitForExitAsync();
            if (chown.ExitCode != 0)
            {
                throw new AppHostUsageException($"Could not give {directory} to the '{user}' user (chown exit code {chown.ExitCode}).");
            }
        }
        // The user must be able to pass through every parent folder; traversal (x) reveals no listing.
        for (var parent = Directory.GetParent(directory); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
                console.Line("postgres", $"allowed other users to traverse (not list) {parent.FullName} so the '{user}' user reaches its data");
            }
        }
    }
}
