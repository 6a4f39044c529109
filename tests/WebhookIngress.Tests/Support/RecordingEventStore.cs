using Platform.WebhookIngress.Data;

namespace Platform.WebhookIngress.Tests.Support;

/// <summary>Accepts in memory with the same dedupe key as the database: (route, sender event id).</summary>
public sealed class RecordingEventStore : IWebhookEventStore
{
    private readonly Dictionary<(Guid RouteId, string SenderEventId), Guid> _accepted = [];

    public List<IncomingWebhook> Written { get; } = [];

    public Task<AcceptResult> AcceptAsync(IncomingWebhook webhook, CancellationToken ct)
    {
        var key = (webhook.Route.Id, webhook.SenderEventId);
        if (_accepted.TryGetValue(key, out var existing))
        {
            return Task.FromResult(new AcceptResult(existing, Duplicate: true));
        }
        var id = Guid.NewGuid();
        _accepted[key] = id;
        Written.Add(webhook);
        return Task.FromResult(new AcceptResult(id, Duplicate: false));
    }
}
