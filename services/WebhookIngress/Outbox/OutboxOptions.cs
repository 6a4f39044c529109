namespace Platform.WebhookIngress.Outbox;

/// <summary>The relay's pace (section <c>WebhookIngress:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "WebhookIngress:Outbox";

    /// <summary>Rows locked and published per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often pending rows are looked for without a wake-up (events accepted by other replicas).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one round waits for the broker's confirms before giving up and retrying later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause between rounds while publishing fails (the broker is down).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long sent rows are kept before they are deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long accepted events (and so their dedupe keys) and each Space's delivered events are kept. An event whose
    /// outbox row is still pending is never deleted.
    /// </summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);
}
