namespace Platform.Hosting;

/// <summary>Replaces the console lifetime: the AppHost owns Ctrl+C and SIGTERM and stops the dashboard itself,
/// so a signal never takes the dashboard down early or leaves the AppHost waiting on a swallowed signal.</summary>
internal sealed class DashboardLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
