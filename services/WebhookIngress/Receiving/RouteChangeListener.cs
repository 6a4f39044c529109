using Npgsql;

namespace Platform.WebhookIngress.Receiving;

/// <summary>
/// Holds one connection that LISTENs on <c>webhook_routes</c> (notified by a trigger on <c>webhooks.routes</c>,
/// migration 0011, when a route's transaction commits) and drops each changed route from this replica's
/// <see cref="RouteCache"/>. When the connection fails the cache stops being used until listening resumes.
/// </summary>
public sealed partial class RouteChangeListener(NpgsqlDataSource dataSource, RouteCache cache, ILogger<RouteChangeListener> logger) : BackgroundService
{
    public const string Channel = "webhook_routes";

    /// <summary>How long the connection may stay silent before a query checks that it is still there.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken, () => backoff = FirstBackoff);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, exception.GetType().Name, backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct, Action listening)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        connection.Notification += (_, notice) => cache.Forget(notice.Payload);
        try
        {
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(ct);
            }
            cache.StartListening();
            listening();
            while (true)
            {
                if (!await connection.WaitAsync(KeepAlive, ct))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteNonQueryAsync(ct);
                }
            }
        }
        finally
        {
            cache.StopListening();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for webhook route changes failed ({Error}); routes are read per request until it resumes, retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, string error, TimeSpan delay);
}
