using System.Security.Cryptography;
using System.Text;
using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class GitHubVerifierTests
{
    // GitHub's documented test values: docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
    // ("Testing the webhook payload validation").
    private const string Secret = "It's a Secret to Everybody";
    private const string Payload = "Hello, World!";
    private const string Signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private const string Delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private readonly GitHubVerifier _verifier = new();

    private WebhookVerificationRequest Request(string signature, string payload = Payload, string secret = Secret) =>
        RequestFactory.Create(secret, payload, DateTimeOffset.UtcNow, ("X-Hub-Signature-256", signature), ("X-GitHub-Delivery", Delivery));

    [Fact]
    public void Accepts_the_documented_vector_with_the_delivery_as_event_id_and_the_body_hash_as_second_key() =>
        Assert.Equal(
            VerificationResult.Verified(Delivery, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Payload)))),
            _verifier.Verify(Request(Signature)));

    [Fact]
    public void Accepts_upper_case_hex() =>
        Assert.True(_verifier.Verify(Request("sha256=" + Signature["sha256=".Length..].ToUpperInvariant())).IsVerified);

    [Theory]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void Refuses_wrong_signatures(string signature) =>
        Assert.Equal(VerificationOutcome.InvalidSignature, _verifier.Verify(Request(signature)).Outcome);

    [Fact]
    public void Refuses_a_changed_body_or_secret()
    {
        Assert.False(_verifier.Verify(Request(Signature, payload: "Hello, World?")).IsVerified);
        Assert.False(_verifier.Verify(Request(Signature, payload: "Hello, World!\n")).IsVerified);
        Assert.False(_verifier.Verify(Request(Signature, secret: "It's a Secret to Everybody!")).IsVerified);
    }

    [Fact]
    public void Missing_delivery_id_is_malformed_and_missing_signature_is_invalid()
    {
        Assert.Equal(VerificationOutcome.MalformedHeaders,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, DateTimeOffset.UtcNow, ("X-Hub-Signature-256", Signature))).Outcome);
        Assert.Equal(VerificationOutcome.InvalidSignature,
            _verifier.Verify(RequestFactory.Create(Secret, Payload, DateTimeOffset.UtcNow, ("X-GitHub-Delivery", Delivery))).Outcome);
    }
}
