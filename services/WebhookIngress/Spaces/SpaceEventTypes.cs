using System.Text.Json;
using Platform.Contracts;

namespace Platform.WebhookIngress.Spaces;

/// <summary>
/// What an event is, for filtering: the sender's event header (GitHub's <c>X-GitHub-Event</c>, the platform scheme's
/// <c>X-Webhook-Event</c>), else the body's top-level <c>type</c> (Standard Webhooks, Stripe, Slack), where Slack's
/// <c>event_callback</c> envelope gives way to the type of the event inside it. Null when none is found.
/// </summary>
public static class SpaceEventTypes
{
    public const int MaxLength = 200;

    private static readonly string[] TypeHeaders = ["x-github-event", "x-webhook-event"];

    public static string? Of(WebhookReceived message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var header in TypeHeaders)
        {
            if (message.Headers.TryGetValue(header, out var value) && value.Length > 0)
            {
                return Bounded(value);
            }
        }
        return FromBody(message.Payload);
    }

    private static string? FromBody(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            if (type.GetString() == "event_callback" && root.TryGetProperty("event", out var inner) && inner.ValueKind == JsonValueKind.Object
                && inner.TryGetProperty("type", out var innerType) && innerType.ValueKind == JsonValueKind.String)
            {
                return Bounded(innerType.GetString()!);
            }
            return Bounded(type.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Bounded(string value) => value.Length is > 0 and <= MaxLength ? value : null;
}
