using Microsoft.Extensions.Logging;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Rotation;

/// <summary>
/// Moves every live data key wrapped by an older configured master key onto the current one. Ciphertexts are not
/// touched and no secret is decrypted; each data key exists in memory only while it is wrapped again. Keys whose
/// version is not configured are left alone and show in the status as not configured.
/// </summary>
public sealed partial class DataKeyRewrapper(DataKeyStore store, EnvelopeCipher cipher, ILogger<DataKeyRewrapper> logger)
{
    public const int PageSize = 200;

    public async Task<MasterKeyStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var keys = cipher.Keys;
        var counts = await store.CountByMasterKeyAsync(cancellationToken);
        var configured = keys.Versions.Order().ToList();
        return new MasterKeyStatus(
            keys.CurrentVersion,
            configured,
            [.. counts.Select(c => new DataKeyCount(c.Key, c.Value, keys.Has(c.Key)))],
            [.. configured.Where(v => v != keys.CurrentVersion && counts.GetValueOrDefault(v) == 0)]);
    }

    public async Task<RewrapReport> RewrapAsync(CancellationToken cancellationToken)
    {
        var target = cipher.Keys.CurrentVersion;
        var older = cipher.Keys.Versions.Where(v => v != target).ToArray();
        int rewrapped = 0, skipped = 0, failed = 0;
        var cursor = (SecretId: Guid.Empty, Version: 0);
        while (older.Length > 0)
        {
            var page = await store.ReadPageAsync(older, cursor, PageSize, cancellationToken);
            foreach (var key in page)
            {
                try
                {
                    var moved = cipher.Rewrap(key.Binding, key.DataKey);
                    if (await store.ReplaceAsync(key, moved, cancellationToken))
                    {
                        rewrapped++;
                    }
                    else
                    {
                        skipped++;
                    }
                }
                catch (SecretDecryptionException)
                {
                    failed++;
                    LogFailed(logger, key.Binding.SecretId, key.Binding.Version, key.DataKey.MasterKeyVersion);
                }
            }
            if (page.Count < PageSize)
            {
                break;
            }
            cursor = (page[^1].Binding.SecretId, page[^1].Binding.Version);
        }
        LogDone(logger, rewrapped, target, skipped, failed);
        return new RewrapReport(target, rewrapped, skipped, failed, await GetStatusAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rewrap: the data key of secret {SecretId} version {Version} failed authentication under master key version {MasterKeyVersion}; left as it is")]
    private static partial void LogFailed(ILogger logger, Guid secretId, int version, int masterKeyVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rewrap: {Rewrapped} data keys moved to master key version {Version}; {Skipped} changed meanwhile, {Failed} failed")]
    private static partial void LogDone(ILogger logger, int rewrapped, int version, int skipped, int failed);
}
