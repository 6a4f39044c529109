using System.Text;
using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class StandardWebhooksVerifierTests
{
    // The "sign function works" vector of the Standard Webhooks JavaScript library:
    // github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = """{"test": 2432232314}""";
    private const string ExpectedSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // The "TestAsymmetricWebhookSign" vector of the Standard Webhooks Go library (same repository,
    // libraries/go/webhook_asymmetric_test.go): an Ed25519 seed, the same message and its v1a signature.
    private const string AsymmetricSeed = "VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=";
    private const string ExpectedAsymmetricSignature = "v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==";

    private readonly StandardWebhooksVerifier _verifier = new();

    private static WebhookVerificationRequest Request(string secret, string signature, long? now = null, string id = MessageId, string payload = Payload) =>
        RequestFactory.Create(secret, payload, RequestFactory.At(now ?? Timestamp),
            ("webhook-id", id), ("webhook-timestamp", Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("webhook-signature", signature));

    [Fact]
    public void Accepts_the_published_v1_vector_and_returns_the_message_id()
    {
        var result = _verifier.Verify(Request(Secret, ExpectedSignature));
        Assert.Equal(VerificationResult.Verified(MessageId), result);
    }

    [Fact]
    public void Accepts_the_published_v1a_vector_with_the_public_key_of_its_seed()
    {
        var publicKey = "whpk_" + Convert.ToBase64String(Ed25519TestSigner.PublicKey(Convert.FromBase64String(AsymmetricSeed)));
        Assert.True(_verifier.IsValidSecret(publicKey));
        Assert.Equal(VerificationResult.Verified(MessageId), _verifier.Verify(Request(publicKey, ExpectedAsymmetricSignature)));
    }

    [Fact]
    public void The_test_signer_reproduces_the_published_v1a_signature()
    {
        var signature = Ed25519TestSigner.Sign(Convert.FromBase64String(AsymmetricSeed), Encoding.UTF8.GetBytes($"{MessageId}.{Timestamp}.{Payload}"));
        Assert.Equal(ExpectedAsymmetricSignature, "v1a," + Convert.ToBase64String(signature));
    }

    [Fact]
    public void Accepts_any_of_several_space_separated_signatures()
    {
        // As the library's "multi sig payload is valid" test: other versions and wrong v1 entries around the right one.
        var header = $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {ExpectedSignature} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
        Assert.True(_verifier.Verify(Request(Secret, header)).IsVerified);
    }

    [Theory]
    [InlineData("v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=")]
    [InlineData("v1,dawfeoifkpqwoekfpqoekf")]
    [InlineData("v1,")]
    [InlineData("v1,g0hM9SsE")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Refuses_wrong_or_partial_signatures(string signature) =>
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request(Secret, signature)).Outcome);

    [Fact]
    public void Refuses_a_changed_body_id_or_secret()
    {
        Assert.False(_verifier.Verify(Request(Secret, ExpectedSignature, payload: Payload + " ")).IsVerified);
        Assert.False(_verifier.Verify(Request(Secret, ExpectedSignature, id: "msg_other")).IsVerified);
        Assert.False(_verifier.Verify(Request("whsec_" + Convert.ToBase64String(new byte[24]), ExpectedSignature)).IsVerified);
    }

    [Fact]
    public void Refuses_timestamps_outside_five_minutes_either_way_after_a_good_signature()
    {
        Assert.True(_verifier.Verify(Request(Secret, ExpectedSignature, now: Timestamp + 300)).IsVerified);
        Assert.True(_verifier.Verify(Request(Secret, ExpectedSignature, now: Timestamp - 300)).IsVerified);
        Assert.Equal(VerificationOutcome.StaleTimestamp, _verifier.Verify(Request(Secret, ExpectedSignature, now: Timestamp + 301)).Outcome);
        Assert.Equal(VerificationOutcome.StaleTimestamp, _verifier.Verify(Request(Secret, ExpectedSignature, now: Timestamp - 301)).Outcome);
    }

    [Fact]
    public void Missing_signature_is_an_invalid_signature_and_missing_id_or_timestamp_is_malformed()
    {
        var now = RequestFactory.At(Timestamp);
        Assert.Equal(VerificationOutcome.InvalidSignature,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, now, ("webhook-id", MessageId), ("webhook-timestamp", "1614265330"))).Outcome);
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, now, ("webhook-timestamp", "1614265330"), ("webhook-signature", ExpectedSignature))).Outcome);
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, now, ("webhook-id", MessageId), ("webhook-signature", ExpectedSignature))).Outcome);
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, now, ("webhook-id", MessageId), ("webhook-timestamp", "hello"), ("webhook-signature", ExpectedSignature))).Outcome);
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, now, ("webhook-id", MessageId), ("webhook-timestamp", "1614265330"), ("webhook-timestamp", "1614265330"), ("webhook-signature", ExpectedSignature))).Outcome);
    }

    [Fact]
    public void Secrets_are_whsec_keys_of_24_to_64_bytes_or_whpk_public_keys()
    {
        Assert.True(_verifier.IsValidSecret(Secret));
        Assert.False(_verifier.IsValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Assert.False(_verifier.IsValidSecret("whsec_" + Convert.ToBase64String(new byte[16])));
        Assert.False(_verifier.IsValidSecret("whsec_not base64!"));
        Assert.False(_verifier.IsValidSecret("whpk_" + Convert.ToBase64String(new byte[31])));
        var generated = _verifier.GenerateSecret()!;
        Assert.StartsWith("whsec_", generated, StringComparison.Ordinal);
        Assert.True(_verifier.IsValidSecret(generated));
        Assert.NotEqual(generated, _verifier.GenerateSecret());
    }
}
