using Platform.WebhookIngress.Routes;

namespace Platform.WebhookIngress.Data;

/// <summary>A verified request about to be accepted on <paramref name="Route"/>.</summary>
/// <param name="ContentSha256">The signed body's SHA-256 (hex) where the scheme dedupes on it too (GitHub); else null.</param>
public sealed record IncomingWebhook(
    WebhookRoute Route,
    string SenderEventId,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset ReceivedAt,
    string? ContentSha256 = null);
