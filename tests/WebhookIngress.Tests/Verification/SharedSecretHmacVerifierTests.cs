using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class SharedSecretHmacVerifierTests
{
    // The platform's own scheme; vector computed outside .NET with:
    // printf '%s' 'evt-42.1700000000.{"hello":"world"}' | openssl dgst -sha256 -hmac 'whk_shared-secret-for-unit-tests'
    private const string Secret = "whk_shared-secret-for-unit-tests";
    private const string Body = """{"hello":"world"}""";
    private const string Signature = "sha256=a2ae9581d0548c0bf3bf9c280347e63d968d825bcfbdd510d50d133b8240efac";

    private readonly SharedSecretHmacVerifier _verifier = new();

    private WebhookVerificationRequest Request(string signature, long now = 1700000000, string id = "evt-42") =>
        RequestFactory.Create(Secret, Body, RequestFactory.At(now), ("X-Webhook-Id", id), ("X-Webhook-Timestamp", "1700000000"), ("X-Webhook-Signature", signature));

    [Fact]
    public void Accepts_the_openssl_vector() =>
        Assert.Equal(VerificationResult.Verified("evt-42"), _verifier.Verify(Request(Signature)));

    [Fact]
    public void Accepts_one_good_signature_among_several() =>
        Assert.True(_verifier.Verify(Request("sha256=00 " + Signature)).IsVerified);

    [Fact]
    public void Refuses_another_id_a_wrong_signature_or_a_stale_timestamp()
    {
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request(Signature, id: "evt-43")).Outcome);
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request("sha256=" + new string('0', 64))).Outcome);
        Assert.Equal(VerificationOutcome.StaleTimestamp, _verifier.Verify(Request(Signature, now: 1700000000 + 3600)).Outcome);
    }

    [Fact]
    public void Ids_with_spaces_or_control_characters_are_malformed() =>
        Assert.Equal(VerificationOutcome.MalformedHeaders, _verifier.Verify(Request(Signature, id: "evt 42")).Outcome);

    [Fact]
    public void Generated_secrets_are_valid_and_distinct()
    {
        var secret = _verifier.GenerateSecret()!;
        Assert.True(_verifier.IsValidSecret(secret));
        Assert.NotEqual(secret, _verifier.GenerateSecret());
        Assert.False(_verifier.IsValidSecret("short"));
    }
}
