using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Tests.Crypto;

/// <summary>encrypt → rotate → rewrap → decrypt → retire the old key → decrypt again.</summary>
public sealed class RotationTests
{
    private const string Plaintext = "xoxb-rotation-canary-6c1f";

    private readonly string _key1 = TestKeys.NewMasterKey();
    private readonly string _key2 = TestKeys.NewMasterKey();
    private readonly SecretBinding _binding = new(Guid.NewGuid(), Guid.NewGuid(), 1);

    [Fact]
    public void Encrypt_rotate_rewrap_retire_and_decrypt_throughout()
    {
        var before = new EnvelopeCipher(TestKeys.Ring((1, _key1)));
        var stored = before.Seal(_binding, Plaintext);
        Assert.Equal(1, stored.DataKey.MasterKeyVersion);

        // Rotate: version 2 is configured; new writes use it, the old secret stays readable.
        var rotated = new EnvelopeCipher(TestKeys.Ring((1, _key1), (2, _key2)));
        Assert.Equal(2, rotated.Seal(_binding with { SecretId = Guid.NewGuid() }, "new").DataKey.MasterKeyVersion);
        Assert.Equal(Plaintext, rotated.Open(_binding, stored));

        // Rewrap: only the wrapped data key changes; the ciphertext stays as it was.
        var rewrapped = stored with { DataKey = rotated.Rewrap(_binding, stored.DataKey) };
        Assert.Equal(2, rewrapped.DataKey.MasterKeyVersion);
        Assert.Equal(stored.Ciphertext, rewrapped.Ciphertext);
        Assert.Equal(stored.Nonce, rewrapped.Nonce);
        Assert.Equal(stored.Tag, rewrapped.Tag);
        Assert.Equal(Plaintext, rotated.Open(_binding, rewrapped));

        // Retire version 1: the rewrapped secret still decrypts; a data key left on version 1 cannot.
        var retired = new EnvelopeCipher(TestKeys.Ring((2, _key2)));
        Assert.Equal(Plaintext, retired.Open(_binding, rewrapped));
        var missing = Assert.Throws<MasterKeyUnavailableException>(() => retired.Open(_binding, stored));
        Assert.Equal(1, missing.Version);
    }

    [Fact]
    public void Rewrapping_a_key_already_on_the_current_version_changes_nothing()
    {
        var cipher = new EnvelopeCipher(TestKeys.Ring((1, _key1), (2, _key2)));
        var stored = cipher.Seal(_binding, Plaintext);

        Assert.Same(stored.DataKey, cipher.Rewrap(_binding, stored.DataKey));
    }

    [Fact]
    public void Rewrap_refuses_a_data_key_that_belongs_to_another_row()
    {
        var cipher = new EnvelopeCipher(TestKeys.Ring((1, _key1)));
        var stored = cipher.Seal(_binding, Plaintext);
        var rotated = new EnvelopeCipher(TestKeys.Ring((1, _key1), (2, _key2)));

        Assert.Throws<SecretDecryptionException>(() => rotated.Rewrap(_binding with { Version = 2 }, stored.DataKey));
    }
}
