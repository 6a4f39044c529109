using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Data;

/// <summary>A verified request about to be accepted on <paramref name="Route"/>.</summary>
public sealed record IncomingWebhook(
    WebhookRoute Route,
    string SenderEventId,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset ReceivedAt);
