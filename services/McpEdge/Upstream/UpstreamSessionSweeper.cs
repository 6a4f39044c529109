namespace Platform.McpEdge.Upstream;

/// <summary>Closes idle upstream sessions once a minute.</summary>
public sealed class UpstreamSessionSweeper(UpstreamSessions sessions, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await sessions.CloseIdleAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the container disposes the sessions.
        }
    }
}
