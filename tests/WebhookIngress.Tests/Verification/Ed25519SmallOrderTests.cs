using System.Text;
using Platform.WebhookIngress.Verification;
using Platform.WebhookIngress.Verification.Ed25519;

namespace Platform.WebhookIngress.Tests.Verification;

/// <summary>
/// Public keys of small order (the identity and the points of order 2, 4 and 8) are refused: with one, the
/// cofactored check holds for a signature made without any private key, whatever the message.
/// </summary>
public sealed class Ed25519SmallOrderTests
{
    private const string Identity = "0100000000000000000000000000000000000000000000000000000000000000";

    public static TheoryData<string> SmallOrderKeys =>
    [
        Identity,
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    ];

    [Theory]
    [MemberData(nameof(SmallOrderKeys))]
    public void A_small_order_key_is_not_a_valid_public_key_nor_a_route_secret(string hex)
    {
        var key = Convert.FromHexString(hex);

        Assert.False(Ed25519Signature.IsValidPublicKey(key));
        Assert.False(new StandardWebhooksVerifier().IsValidSecret(StandardWebhooksVerifier.PublicKeyPrefix + Convert.ToBase64String(key)));
    }

    [Fact]
    public void A_signature_forged_for_the_identity_key_verifies_no_message()
    {
        // R = identity, S = 0: [8]([0]B - R - [k]A) is the identity for A = identity, whatever k (so whatever the message).
        var forged = Convert.FromHexString(Identity + new string('0', 64));

        Assert.False(Ed25519Signature.Verify(Convert.FromHexString(Identity), Encoding.UTF8.GetBytes("any body at all"), forged));
    }
}
