namespace Platform.Messaging.Outbox;

/// <summary>The relay's pace, bound from the section each service names (e.g. <c>WebhookIngress:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Events taken and published per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the outbox is looked at without a wake-up (events written by other replicas, or a journal).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one round waits for the broker's confirms before the unconfirmed events wait for a later round.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause between rounds while publishing fails (the broker is down).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long published events are kept before the store deletes them.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often expired events are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    internal bool IsValid =>
        BatchSize > 0 && PollInterval > TimeSpan.Zero && PublishTimeout > TimeSpan.Zero && MaxBackoff > TimeSpan.Zero
        && SentRetention >= TimeSpan.Zero && CleanupInterval > TimeSpan.Zero;
}
