using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Rotation;
using Platform.SecretsVault.Storage;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// Rotation on the real vaultdb with the vault's own stores: rows written under master key 101, a rotation to
/// 102, the rewrap, and reads after retiring 101. The versions are the test's own, so the running vault's rows
/// (version 1) are never touched.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultRewrapTests(DistributedApplicationFixture fixture) : IAsyncLifetime
{
    private const int OldVersion = 101;
    private const int NewVersion = 102;

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(fixture.GetConnectionString("vaultdb"));
    private readonly string _oldKey = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 64);
    private readonly string _newKey = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 64);
    private readonly Guid _tenant = Guid.NewGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using (var cleanup = _dataSource.CreateCommand("DELETE FROM vault.secrets WHERE tenant_id = $1"))
        {
            cleanup.Parameters.Add(new NpgsqlParameter { Value = _tenant });
            await cleanup.ExecuteNonQueryAsync();
        }
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Encrypt_rotate_rewrap_retire_and_every_live_secret_still_decrypts()
    {
        var store = new SecretStore(_dataSource);
        var before = Cipher((OldVersion, _oldKey));
        var values = new Dictionary<Guid, string>();
        for (var i = 0; i < 3; i++)
        {
            values[await CreateAsync(store, before, VaultCanary.Variant($"rotation-{i}"))] = VaultCanary.Variant($"rotation-{i}");
        }
        var revoked = await CreateAsync(store, before, VaultCanary.Variant("rotation-revoked"));
        await store.RevokeAsync(_tenant, revoked, "integration-registry", None);
        var ciphertextBefore = await CiphertextsAsync();

        // Rotate: 102 is configured; new writes use it; old rows still read.
        var rotated = Cipher((OldVersion, _oldKey), (NewVersion, _newKey));
        var written = await CreateAsync(store, rotated, VaultCanary.Variant("rotation-new"));
        values[written] = VaultCanary.Variant("rotation-new");
        Assert.Equal(NewVersion, await MasterKeyVersionAsync(written));
        await AssertAllDecryptAsync(store, rotated, values);

        var report = await new DataKeyRewrapper(new DataKeyStore(_dataSource), rotated, NullLogger<DataKeyRewrapper>.Instance).RewrapAsync(None);

        Assert.Equal(NewVersion, report.ToVersion);
        Assert.Equal(3, report.Rewrapped);
        Assert.Equal(0, report.Failed);
        Assert.DoesNotContain(report.Status.DataKeys, k => k.MasterKeyVersion == OldVersion);
        Assert.Contains(OldVersion, report.Status.RetirableVersions);
        // Only the wrapped data keys moved: every ciphertext is byte for byte what it was.
        var ciphertextAfter = await CiphertextsAsync();
        Assert.All(ciphertextBefore, row => Assert.Equal(row.Value, ciphertextAfter[row.Key]));

        // Retire 101: only 102 is configured, and every live secret still decrypts.
        var retired = Cipher((NewVersion, _newKey));
        await AssertAllDecryptAsync(store, retired, values);
        Assert.True((await store.FindAsync(_tenant, revoked, None))!.IsRevoked);
    }

    [Fact]
    public async Task Rewrap_leaves_keys_it_cannot_authenticate_alone_and_reports_them()
    {
        var store = new SecretStore(_dataSource);
        var secret = await CreateAsync(store, Cipher((OldVersion, _oldKey)), VaultCanary.Variant("rotation-wrong-key"));
        // A different key configured under the same version number: the wrapped key fails authentication.
        var impostor = Cipher((OldVersion, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 64)), (NewVersion, _newKey));

        var report = await new DataKeyRewrapper(new DataKeyStore(_dataSource), impostor, NullLogger<DataKeyRewrapper>.Instance).RewrapAsync(None);

        Assert.Equal(1, report.Failed);
        Assert.Equal(OldVersion, await MasterKeyVersionAsync(secret));
        Assert.Equal(VaultCanary.Variant("rotation-wrong-key"), await OpenAsync(store, Cipher((OldVersion, _oldKey)), secret));
    }

    private static EnvelopeCipher Cipher(params (int Version, string Key)[] keys) => new(new MasterKeyRing(keys.ToDictionary(k => k.Version, k => k.Key)));

    private async Task<Guid> CreateAsync(SecretStore store, EnvelopeCipher cipher, string value)
    {
        var id = Guid.CreateVersion7();
        var sealedSecret = cipher.Seal(new SecretBinding(_tenant, id, 1), value);
        await store.CreateAsync(new NewSecret(id, _tenant, Platform.SecretsVault.Client.SecretPurposes.UpstreamCredential, "integration-registry", new EncryptedReference(sealedSecret)), None);
        return id;
    }

    private async Task<string> OpenAsync(SecretStore store, EnvelopeCipher cipher, Guid id)
    {
        var stored = await store.FindAsync(_tenant, id, None) ?? throw new InvalidOperationException("The secret is gone.");
        var reference = Assert.IsType<EncryptedReference>(stored.Reference);
        return cipher.Open(new SecretBinding(_tenant, id, stored.Version), reference.Sealed);
    }

    private async Task AssertAllDecryptAsync(SecretStore store, EnvelopeCipher cipher, Dictionary<Guid, string> values)
    {
        foreach (var (id, value) in values)
        {
            Assert.True(value == await OpenAsync(store, cipher, id), $"secret {id} did not decrypt to its value");
        }
    }

    private async Task<int> MasterKeyVersionAsync(Guid id)
    {
        await using var command = _dataSource.CreateCommand("SELECT master_key_version FROM vault.secret_refs WHERE secret_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<Guid, byte[]>> CiphertextsAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT secret_id, ciphertext FROM vault.secret_refs WHERE tenant_id = $1 AND ciphertext IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = _tenant });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, byte[]>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = reader.GetFieldValue<byte[]>(1);
        }
        return rows;
    }
}
