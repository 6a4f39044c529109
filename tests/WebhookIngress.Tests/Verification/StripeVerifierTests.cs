using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class StripeVerifierTests
{
    // Stripe publishes no fixed test vector (docs.stripe.com/webhooks, "Verify signatures manually"); this one was
    // computed outside .NET with: printf '%s' '1700000000.{"id":"evt_test_webhook","object":"event"}' |
    //   openssl dgst -sha256 -hmac 'whsec_plainTextSecretForUnitTests0001'
    private const string Secret = "whsec_plainTextSecretForUnitTests0001";
    private const long Timestamp = 1700000000;
    private const string Body = """{"id":"evt_test_webhook","object":"event"}""";
    private const string V1 = "0ae61b449e3c8ce53a54a4f714fb332f604cb1254083e685c5830f676f19972b";
    private const string Wrong = "1ae61b449e3c8ce53a54a4f714fb332f604cb1254083e685c5830f676f19972b";

    private readonly StripeVerifier _verifier = new();

    private WebhookVerificationRequest Request(string header, long now = Timestamp, string body = Body) =>
        RequestFactory.Create(Secret, body, RequestFactory.At(now), ("Stripe-Signature", header));

    [Fact]
    public void Accepts_the_openssl_vector_with_the_event_id_from_the_body() =>
        Assert.Equal(VerificationResult.Verified("evt_test_webhook"), _verifier.Verify(Request($"t={Timestamp},v1={V1}")));

    [Theory]
    [InlineData("t=1700000000,v1=" + Wrong + ",v1=" + V1)]
    [InlineData("t=1700000000,v0=" + Wrong + ",v1=" + V1)]
    [InlineData("v1=" + V1 + ", t=1700000000, v0=whatever")]
    [InlineData("t=1700000000,v1=" + V1 + ",scheme9=" + Wrong)]
    public void Any_v1_may_match_and_other_schemes_are_ignored(string header) =>
        Assert.True(_verifier.Verify(Request(header)).IsVerified);

    [Theory]
    [InlineData("t=1700000000,v1=" + Wrong)]
    [InlineData("t=1700000000,v0=" + V1)]
    [InlineData("t=1700000001,v1=" + V1)]
    [InlineData("t=1700000000")]
    public void Refuses_when_no_v1_matches(string header) =>
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request(header)).Outcome);

    [Theory]
    [InlineData("v1=" + V1)]
    [InlineData("t=soon,v1=" + V1)]
    [InlineData("t=1700000000,t=1700000000,v1=" + V1)]
    [InlineData("garbage")]
    [InlineData("t=1700000000,,v1=" + V1)]
    public void Refuses_malformed_headers(string header) =>
        Assert.Equal(VerificationOutcome.MalformedHeaders, _verifier.Verify(Request(header)).Outcome);

    [Fact]
    public void Refuses_stale_timestamps() =>
        Assert.Equal(VerificationOutcome.StaleTimestamp, _verifier.Verify(Request($"t={Timestamp},v1={V1}", now: Timestamp - 301)).Outcome);
}
