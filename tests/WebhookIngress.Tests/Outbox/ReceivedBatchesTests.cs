using Platform.Contracts;
using Platform.WebhookIngress.Outbox;

namespace Platform.WebhookIngress.Tests.Outbox;

public sealed class ReceivedBatchesTests
{
    [Fact]
    public void A_round_of_small_events_travels_as_one_message()
    {
        var events = Enumerable.Range(0, 100).Select(_ => Event(300)).ToList();

        Assert.Equal([0..100], ReceivedBatches.Split(events));
    }

    [Fact]
    public void A_message_closes_before_its_payload_would_pass_1_MiB_and_a_larger_event_travels_alone()
    {
        const int Half = ReceivedBatches.MaxPayloadChars / 2;
        var events = new List<WebhookReceived> { Event(Half), Event(Half), Event(1), Event(ReceivedBatches.MaxPayloadChars + 1), Event(1) };

        Assert.Equal([0..2, 2..3, 3..4, 4..5], ReceivedBatches.Split(events));
    }

    [Fact]
    public void No_events_make_no_messages() => Assert.Empty(ReceivedBatches.Split([]));

    private static WebhookReceived Event(int payloadChars) => new(
        Guid.CreateVersion7(), DateTime.UtcNow, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "orders", Guid.NewGuid().ToString(),
        null, null, "evt", "standard-webhooks", new Dictionary<string, string>(), new string('x', payloadChars));
}
