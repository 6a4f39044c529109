using Platform.Contracts;

namespace Platform.WebhookIngress.Outbox;

/// <summary>
/// Splits a relay round's events into <see cref="WebhookReceivedBatch"/> messages: consecutive events, a new message
/// once the next event would take its payload past <see cref="MaxPayloadChars"/> (an event larger than that travels
/// alone; a route's limit is itself at most 1 MiB).
/// </summary>
public static class ReceivedBatches
{
    public const int MaxPayloadChars = 1 << 20;

    /// <summary>Each message as the index of its first event and how many it carries, in order.</summary>
    public static IReadOnlyList<Range> Split(IReadOnlyList<WebhookReceived> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ranges = new List<Range>();
        var first = 0;
        long size = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var payload = events[i].Payload.Length;
            if (i > first && size + payload > MaxPayloadChars)
            {
                ranges.Add(first..i);
                first = i;
                size = 0;
            }
            size += payload;
        }
        if (events.Count > first)
        {
            ranges.Add(first..events.Count);
        }
        return ranges;
    }
}
