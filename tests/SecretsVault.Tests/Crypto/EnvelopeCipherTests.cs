using System.Text;
using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Tests.Crypto;

public sealed class EnvelopeCipherTests
{
    private const string Plaintext = "sk_live_canary-51HxY7vQ2";

    private readonly EnvelopeCipher _cipher = new(TestKeys.Ring((1, TestKeys.NewMasterKey())));
    private readonly SecretBinding _binding = new(Guid.NewGuid(), Guid.NewGuid(), 1);

    [Fact]
    public void Sealed_secret_opens_to_the_plaintext()
    {
        var sealedSecret = _cipher.Seal(_binding, Plaintext);

        Assert.Equal(Plaintext, _cipher.Open(_binding, sealedSecret));
    }

    [Fact]
    public void Stored_form_has_the_sizes_the_database_checks_and_no_plaintext()
    {
        var sealedSecret = _cipher.Seal(_binding, Plaintext);

        Assert.Equal(12, sealedSecret.Nonce.Length);
        Assert.Equal(16, sealedSecret.Tag.Length);
        Assert.Equal(60, sealedSecret.DataKey.Wrapped.Length);
        Assert.Equal(1, sealedSecret.DataKey.MasterKeyVersion);
        var stored = sealedSecret.Ciphertext.Concat(sealedSecret.Nonce).Concat(sealedSecret.Tag).Concat(sealedSecret.DataKey.Wrapped).ToArray();
        Assert.DoesNotContain(Plaintext, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_seal_uses_a_fresh_data_key_and_nonce()
    {
        var first = _cipher.Seal(_binding, Plaintext);
        var second = _cipher.Seal(_binding, Plaintext);

        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.DataKey.Wrapped, second.DataKey.Wrapped);
    }

    public static TheoryData<string> OtherRows => ["other tenant", "other secret", "other version"];

    [Theory]
    [MemberData(nameof(OtherRows))]
    public void Ciphertext_copied_onto_another_row_fails_to_decrypt(string row)
    {
        var sealedSecret = _cipher.Seal(_binding, Plaintext);
        var other = row switch
        {
            "other tenant" => _binding with { TenantId = Guid.NewGuid() },
            "other secret" => _binding with { SecretId = Guid.NewGuid() },
            _ => _binding with { Version = 2 },
        };

        var error = Assert.Throws<SecretDecryptionException>(() => _cipher.Open(other, sealedSecret));
        Assert.DoesNotContain(Plaintext, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_only_the_ciphertext_between_rows_fails_even_with_the_data_key_left_in_place()
    {
        var otherBinding = _binding with { SecretId = Guid.NewGuid() };
        var mine = _cipher.Seal(_binding, Plaintext);
        var theirs = _cipher.Seal(otherBinding, "other-secret-value");

        // The other row's ciphertext with that row's own wrapped key, stored under my row.
        Assert.Throws<SecretDecryptionException>(() => _cipher.Open(_binding, theirs));
        // My ciphertext with the other row's wrapped key.
        Assert.Throws<SecretDecryptionException>(() => _cipher.Open(_binding, mine with { DataKey = theirs.DataKey }));
    }

    [Fact]
    public void Tampered_ciphertext_fails_authentication()
    {
        var sealedSecret = _cipher.Seal(_binding, Plaintext);
        var tampered = sealedSecret.Ciphertext.ToArray();
        tampered[0] ^= 0x01;

        Assert.Throws<SecretDecryptionException>(() => _cipher.Open(_binding, sealedSecret with { Ciphertext = tampered }));
    }

    [Fact]
    public void Relabelling_the_master_key_version_of_a_wrapped_key_fails()
    {
        var keys = TestKeys.NewMasterKey();
        var ring = TestKeys.Ring((1, keys), (2, keys));
        var cipher = new EnvelopeCipher(ring);
        var sealedSecret = cipher.Seal(_binding, Plaintext);

        // Same key string under both versions: only the version bound into the associated data differs.
        var relabelled = sealedSecret with { DataKey = sealedSecret.DataKey with { MasterKeyVersion = 1 } };
        Assert.Throws<SecretDecryptionException>(() => cipher.Open(_binding, relabelled));
    }

    [Fact]
    public void A_different_master_key_under_the_same_version_fails()
    {
        var sealedSecret = _cipher.Seal(_binding, Plaintext);
        var impostor = new EnvelopeCipher(TestKeys.Ring((1, TestKeys.NewMasterKey())));

        Assert.Throws<SecretDecryptionException>(() => impostor.Open(_binding, sealedSecret));
    }

    [Fact]
    public void Unicode_and_long_values_round_trip()
    {
        var value = string.Concat(Enumerable.Repeat("clé-ключ-鍵-🔑", 500));

        Assert.Equal(value, _cipher.Open(_binding, _cipher.Seal(_binding, value)));
    }
}
