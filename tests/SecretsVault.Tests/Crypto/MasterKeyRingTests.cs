using Platform.SecretsVault.Crypto;

namespace Platform.SecretsVault.Tests.Crypto;

public sealed class MasterKeyRingTests
{
    [Fact]
    public void The_highest_configured_version_is_current()
    {
        var ring = TestKeys.Ring((1, TestKeys.NewMasterKey()), (3, TestKeys.NewMasterKey()), (2, TestKeys.NewMasterKey()));

        Assert.Equal(3, ring.CurrentVersion);
        Assert.Equal([1, 2, 3], ring.Versions.Order());
    }

    [Fact]
    public void Same_key_string_derives_the_same_key_encryption_key_across_instances()
    {
        var key = TestKeys.NewMasterKey();
        var binding = new SecretBinding(Guid.NewGuid(), Guid.NewGuid(), 1);
        var sealedSecret = new EnvelopeCipher(TestKeys.Ring((1, key))).Seal(binding, "value");

        Assert.Equal("value", new EnvelopeCipher(TestKeys.Ring((1, key))).Open(binding, sealedSecret));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Versions_start_at_one(int version)
    {
        Assert.Throws<ArgumentException>(() => TestKeys.Ring((version, TestKeys.NewMasterKey())));
    }

    [Fact]
    public void Short_keys_are_refused_without_repeating_them()
    {
        const string ShortKey = "too-short-key-value";

        var error = Assert.Throws<ArgumentException>(() => TestKeys.Ring((1, ShortKey)));
        Assert.DoesNotContain(ShortKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_ring_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MasterKeyRing(new Dictionary<int, string>()));
    }
}
