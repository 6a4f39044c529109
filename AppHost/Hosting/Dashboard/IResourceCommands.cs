namespace Platform.Hosting;

/// <summary>Stop, start or restart a resource from the dashboard (Aspire's resource commands).</summary>
public interface IResourceCommands
{
    public static readonly IReadOnlyList<string> Names = ["stop", "start", "restart"];

    /// <summary>False when no resource has that name.</summary>
    Task<bool> ExecuteAsync(string resource, string command, CancellationToken cancellationToken);
}
