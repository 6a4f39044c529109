using Microsoft.Extensions.Options;

namespace Platform.AuditWriter.Partitions;

/// <summary>Runs <see cref="PartitionMaintenance"/> at start and then every <see cref="RetentionOptions.Interval"/>.</summary>
public sealed partial class PartitionMaintenanceService(
    PartitionMaintenance maintenance, IOptionsMonitor<RetentionOptions> options, TimeProvider timeProvider, ILogger<PartitionMaintenanceService> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.CurrentValue.Interval;
            try
            {
                var dropped = await maintenance.RunAsync(stoppingToken);
                LogPass(logger, dropped.Count);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception.GetType().Name, RetryAfterFailure);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, RetryAfterFailure.Ticks));
            }
            try
            {
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition maintenance done; {Dropped} expired partitions dropped")]
    private static partial void LogPass(ILogger logger, int dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition maintenance failed ({Error}); trying again in {Delay}")]
    private static partial void LogFailed(ILogger logger, string error, TimeSpan delay);
}
