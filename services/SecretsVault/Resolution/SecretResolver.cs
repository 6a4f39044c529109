using Microsoft.Extensions.Logging;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Resolution;

/// <summary>
/// Gives a secret's current material to an allowed caller: decrypts the encrypted form, reads the env form's
/// variable, fetches the cloud form from Key Vault. Every resolve leaves an access record before it answers.
/// </summary>
public sealed partial class SecretResolver(
    SecretStore store,
    EnvelopeCipher cipher,
    EnvSecretSource env,
    CloudSecretSource cloud,
    AccessLog accessLog,
    VaultMetrics metrics,
    ILogger<SecretResolver> logger)
{
    public async Task<ResolveResult> ResolveAsync(string caller, Guid tenantId, Guid secretId, CancellationToken cancellationToken)
    {
        var secret = await store.FindAsync(tenantId, secretId, cancellationToken);
        var (outcome, value) = secret switch
        {
            null => (AccessOutcomes.NotFound, null),
            { IsRevoked: true } => (AccessOutcomes.Revoked, null),
            _ => await ReadAsync(secret, cancellationToken),
        };
        await accessLog.RecordAsync(
            new AccessRecord(caller, AccessOperations.Resolve, tenantId, secretId, secret?.Version, outcome), cancellationToken);
        metrics.Resolved(caller, secret?.Kind, outcome);
        return secret is not null && value is not null
            ? new ResolveResult(outcome, new ResolvedSecret(secretId, secret.Version, secret.Kind, value))
            : new ResolveResult(outcome, null);
    }

    private async Task<(string Outcome, string? Value)> ReadAsync(StoredSecret secret, CancellationToken cancellationToken)
    {
        switch (secret.Reference)
        {
            case EncryptedReference encrypted:
                return Decrypt(secret, encrypted.Sealed);
            case EnvReference reference:
                var variable = env.Read(reference.VariableName);
                if (variable is null)
                {
                    LogEnvUnavailable(logger, secret.Id, reference.VariableName);
                }
                return (variable is null ? AccessOutcomes.SourceUnavailable : AccessOutcomes.Ok, variable);
            case CloudReference reference:
                var fetched = await cloud.ReadAsync(reference.Identifier, cancellationToken);
                return (fetched is null ? AccessOutcomes.SourceUnavailable : AccessOutcomes.Ok, fetched);
            default:
                LogNoMaterial(logger, secret.Id, secret.Version);
                return (AccessOutcomes.Undecryptable, null);
        }
    }

    private (string Outcome, string? Value) Decrypt(StoredSecret secret, SealedSecret sealedSecret)
    {
        try
        {
            return (AccessOutcomes.Ok, cipher.Open(new SecretBinding(secret.TenantId, secret.Id, secret.Version), sealedSecret));
        }
        catch (MasterKeyUnavailableException ex)
        {
            LogMasterKeyMissing(logger, secret.Id, secret.Version, ex.Version);
        }
        catch (SecretDecryptionException)
        {
            LogAuthenticationFailed(logger, secret.Id, secret.Version, sealedSecret.DataKey.MasterKeyVersion);
        }
        return (AccessOutcomes.Undecryptable, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {SecretId}: environment variable {VariableName} is unset, empty or no longer allowed")]
    private static partial void LogEnvUnavailable(ILogger logger, Guid secretId, string variableName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} has no key material although it is not revoked")]
    private static partial void LogNoMaterial(ILogger logger, Guid secretId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} is wrapped by master key version {MasterKeyVersion}, which is not configured (retired before a rewrap?)")]
    private static partial void LogMasterKeyMissing(ILogger logger, Guid secretId, int version, int masterKeyVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} (master key version {MasterKeyVersion}) failed authentication: tampered, moved to another row, or a different key under that version")]
    private static partial void LogAuthenticationFailed(ILogger logger, Guid secretId, int version, int masterKeyVersion);
}
