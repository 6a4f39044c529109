using MassTransit;

namespace Platform.AuditWriter.Apis;

/// <summary>What the usage report endpoint needs: the bus to publish on, and the clock.</summary>
public sealed class UsageServices(IPublishEndpoint publisher, TimeProvider timeProvider, ILogger<UsageServices> logger)
{
    /// <summary>How long a report waits for the broker's confirm before answering 503.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public IPublishEndpoint Publisher { get; } = publisher;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger<UsageServices> Logger { get; } = logger;
}
