using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Infrastructure;

/// <summary>Lets a system user (postgres) own its folder and reach it, when the AppHost runs as root.</summary>
internal static class FileOwnership
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task GiveToAsync(string user, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        using (var chown = Process.Start("chown", ["-R", $"{user}:{user}", directory]))
        {
            await chown.WaitForExitAsync(cancellationToken);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"Could not give {directory} to the '{user}' user (chown exit code {chown.ExitCode}).");
            }
        }
        // The user must be able to pass through every parent folder; traversal (x) reveals no listing.
        for (var parent = Directory.GetParent(directory); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
                logger.LogInformation("allowed other users to traverse (not list) {Folder} so the '{User}' user reaches its data", parent.FullName, user);
            }
        }
    }
}
