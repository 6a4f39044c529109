namespace Platform.WebhookIngress;

/// <summary>The service's settings (section <c>WebhookIngress</c>).</summary>
public sealed class WebhookIngressOptions
{
    public const string SectionName = "WebhookIngress";

    /// <summary>How long a resolved signing secret is kept in memory before the vault is asked again.</summary>
    public TimeSpan SecretCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a tenant found by slug is remembered.</summary>
    public TimeSpan TenantCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long "no such tenant" is remembered, so unknown slugs do not each reach the registry.</summary>
    public TimeSpan UnknownTenantCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long accepted events (and so their dedupe keys) and each Space's delivered events are kept. An event whose
    /// outbox row is still pending is never deleted.
    /// </summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);
}
