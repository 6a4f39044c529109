using Microsoft.Extensions.Logging;
using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Resolution;

/// <summary>
/// Gives a secret's current material to an allowed caller: decrypts the encrypted form, reads the env form's
/// variable, fetches the cloud form from Key Vault. Before any of that, the caller must have business with the
/// secret's purpose (<see cref="PurposeMatrix"/>), and an env or cloud reference must still belong to its tenant
/// (<see cref="TenantReferencePolicy"/>, with the tenant's current slug): a row written before these rules, or a
/// tenant renamed since, resolves to nothing. Every resolve leaves an access record before it answers: the record
/// is queued once the outcome is known and the resolve returns only when the batch holding it has committed
/// (<see cref="AccessLog"/>); if it cannot be, <see cref="AccessLogUnavailableException"/> and no material.
/// </summary>
public sealed partial class SecretResolver(
    SecretStore store,
    EnvelopeCipher cipher,
    EnvSecretSource env,
    CloudSecretSource cloud,
    TenantDirectory tenants,
    TenantReferencePolicy policy,
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
            _ when !PurposeMatrix.MayResolve(caller, secret.Purpose) => RefusePurpose(caller, secret),
            { IsRevoked: true } => (AccessOutcomes.Revoked, null),
            _ => await ReadBoundAsync(secret, cancellationToken),
        };
        await accessLog.RecordAsync(
            new AccessRecord(caller, AccessOperations.Resolve, tenantId, secretId, secret?.Version, outcome), cancellationToken);
        metrics.Resolved(caller, secret?.Kind, outcome);
        return secret is not null && value is not null
            ? new ResolveResult(outcome, new ResolvedSecret(secretId, secret.Version, secret.Kind, value))
            : new ResolveResult(outcome, null);
    }

    private (string Outcome, string? Value) RefusePurpose(string caller, StoredSecret secret)
    {
        LogPurposeRefused(logger, secret.Id, secret.TenantId, caller, secret.Purpose);
        return (AccessOutcomes.Refused, null);
    }

    /// <summary>Reads an env or cloud reference only if it belongs to its tenant now; nothing is read otherwise.</summary>
    private async Task<(string Outcome, string? Value)> ReadBoundAsync(StoredSecret secret, CancellationToken cancellationToken)
    {
        if (secret.Reference is EnvReference or CloudReference)
        {
            var tenant = await tenants.FindAsync(secret.TenantId, cancellationToken);
            if (tenant.Unavailable)
            {
                return (AccessOutcomes.SourceUnavailable, null);
            }
            if (tenant.Slug is null || policy.Refuse(tenant.Slug, secret.Reference) is not null)
            {
                LogBindingRefused(logger, secret.Id, secret.TenantId, secret.Kind);
                return (AccessOutcomes.Refused, null);
            }
        }
        return await ReadAsync(secret, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {SecretId} of tenant {TenantId}: resolve by {Caller} refused, a secret of purpose {Purpose} is not its business")]
    private static partial void LogPurposeRefused(ILogger logger, Guid secretId, Guid tenantId, string caller, string purpose);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {SecretId} of tenant {TenantId}: its {Kind} reference does not belong to the tenant (another tenant's, a platform variable, or no longer granted); not resolved")]
    private static partial void LogBindingRefused(ILogger logger, Guid secretId, Guid tenantId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {SecretId}: environment variable {VariableName} is unset or empty")]
    private static partial void LogEnvUnavailable(ILogger logger, Guid secretId, string variableName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} has no key material although it is not revoked")]
    private static partial void LogNoMaterial(ILogger logger, Guid secretId, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} is wrapped by master key version {MasterKeyVersion}, which is not configured (retired before a rewrap?)")]
    private static partial void LogMasterKeyMissing(ILogger logger, Guid secretId, int version, int masterKeyVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret {SecretId} version {Version} (master key version {MasterKeyVersion}) failed authentication: tampered, moved to another row, or a different key under that version")]
    private static partial void LogAuthenticationFailed(ILogger logger, Guid secretId, int version, int masterKeyVersion);
}
