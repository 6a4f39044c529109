using Platform.WebhookIngress.Tests.Support;
using Platform.WebhookIngress.Verification.Ed25519;

namespace Platform.WebhookIngress.Tests.Verification;

public sealed class Ed25519SignatureTests
{
    /// <summary>
    /// RFC 8032 §7.1 "Test Vectors for Ed25519": TEST 1, TEST 2, TEST 3 and TEST SHA(abc)
    /// (https://www.rfc-editor.org/rfc/rfc8032#section-7.1): secret key (seed), public key, message, signature.
    /// </summary>
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
        {
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Accepts_the_RFC_8032_vectors(string seed, string publicKey, string message, string signature)
    {
        _ = seed;
        Assert.True(Ed25519Signature.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), Convert.FromHexString(signature)));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void The_test_signer_reproduces_the_RFC_8032_vectors(string seed, string publicKey, string message, string signature)
    {
        var seedBytes = Convert.FromHexString(seed);
        Assert.Equal(publicKey, Convert.ToHexStringLower(Ed25519TestSigner.PublicKey(seedBytes)));
        Assert.Equal(signature, Convert.ToHexStringLower(Ed25519TestSigner.Sign(seedBytes, Convert.FromHexString(message))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Refuses_any_flipped_bit_of_the_signature(string seed, string publicKey, string message, string signature)
    {
        _ = seed;
        var key = Convert.FromHexString(publicKey);
        var bytes = Convert.FromHexString(message);
        var original = Convert.FromHexString(signature);
        for (var bit = 0; bit < original.Length * 8; bit += 7)
        {
            var tampered = (byte[])original.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Ed25519Signature.Verify(key, bytes, tampered), $"bit {bit} flipped still verified");
        }
    }

    [Fact]
    public void Refuses_another_message_and_another_key()
    {
        var vector = Rfc8032Vectors.First();
        var (key, signature) = (Convert.FromHexString((string)vector[1]), Convert.FromHexString((string)vector[3]));
        Assert.False(Ed25519Signature.Verify(key, [0x00], signature));
        var otherKey = Convert.FromHexString("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        Assert.False(Ed25519Signature.Verify(otherKey, [], signature));
    }

    [Fact]
    public void Refuses_wrong_lengths_non_canonical_scalars_and_keys_off_the_curve()
    {
        var key = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = Convert.FromHexString("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        Assert.False(Ed25519Signature.Verify(key[..31], [], signature));
        Assert.False(Ed25519Signature.Verify(key, [], signature[..63]));

        // S + L encodes the same scalar but is not canonical (RFC 8032 §5.1.7 step 1 requires S < L).
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true) + (System.Numerics.BigInteger.Pow(2, 252) + System.Numerics.BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture));
        var nonCanonical = (byte[])signature.Clone();
        s.TryWriteBytes(nonCanonical.AsSpan(32), out _, isUnsigned: true);
        Assert.False(Ed25519Signature.Verify(key, [], nonCanonical));

        // y = p (2^255 - 19) is not a canonical field element.
        var yEqualsP = Convert.FromHexString("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        Assert.False(Ed25519Signature.IsValidPublicKey(yEqualsP));
        Assert.True(Ed25519Signature.IsValidPublicKey(key));
    }
}
