using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class SlackVerifierTests
{
    // Slack's worked example: api.slack.com/authentication/verifying-requests-from-slack
    // (a slash command body, its timestamp, the signing secret and the resulting X-Slack-Signature).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Timestamp = 1531420618;
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private readonly SlackVerifier _verifier = new();

    private WebhookVerificationRequest Request(string signature, long now = Timestamp, string body = Body) =>
        RequestFactory.Create(Secret, body, RequestFactory.At(now), ("X-Slack-Request-Timestamp", "1531420618"), ("X-Slack-Signature", signature));

    [Fact]
    public void Accepts_the_documented_example()
    {
        var result = _verifier.Verify(Request(Signature));
        Assert.True(result.IsVerified);
        // A slash command has no event_id: the id is a hash of the signed content, stable for byte-identical replays.
        Assert.StartsWith("sha256:", result.SenderEventId, StringComparison.Ordinal);
        Assert.Equal(result.SenderEventId, _verifier.Verify(Request(Signature)).SenderEventId);
    }

    [Fact]
    public void Refuses_a_changed_body_or_signature()
    {
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request(Signature, body: Body + "&x=1")).Outcome);
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request("v0=a2114d57b58eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")).Outcome);
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")).Outcome);
    }

    [Fact]
    public void Refuses_the_documented_example_replayed_later() =>
        Assert.Equal(VerificationOutcome.StaleTimestamp, _verifier.Verify(Request(Signature, now: Timestamp + 301)).Outcome);

    [Fact]
    public void Uses_the_Events_API_event_id_when_present()
    {
        const string body = """{"type":"event_callback","event_id":"Ev0PV52K21","event":{"type":"app_mention"}}""";
        var signature = "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Secret), System.Text.Encoding.UTF8.GetBytes($"v0:{Timestamp}:{body}")));
        Assert.Equal(VerificationResult.Verified("Ev0PV52K21"), _verifier.Verify(Request(signature, body: body)));
    }

    [Fact]
    public void Missing_or_bad_timestamp_is_malformed() =>
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Body, RequestFactory.At(Timestamp), ("X-Slack-Request-Timestamp", "15314206.18"), ("X-Slack-Signature", Signature))).Outcome);
}
