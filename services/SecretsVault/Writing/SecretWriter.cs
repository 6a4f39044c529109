using Microsoft.Extensions.Logging;
using Platform.SecretsVault.Binding;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Resolution;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Writing;

/// <summary>
/// Creates secrets, writes new versions and revokes them, each only for a caller whose business the secret's
/// purpose is (<see cref="PurposeMatrix"/>); each operation, refused or not, leaves an access record.
/// </summary>
public sealed partial class SecretWriter(
    SecretStore store,
    EnvelopeCipher cipher,
    AccessLog accessLog,
    VaultMetrics metrics,
    ILogger<SecretWriter> logger)
{
    /// <summary>Stores a request that <see cref="SecretRequestValidator"/> accepted, as version 1; null if the caller may not write its purpose.</summary>
    public async Task<SecretHandle?> CreateAsync(string caller, CreateSecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.CreateVersion7();
        if (!PurposeMatrix.MayWrite(caller, request.Purpose))
        {
            await RecordAsync(caller, AccessOperations.Create, request.TenantId, null, null, AccessOutcomes.Refused, cancellationToken);
            LogRefused(logger, AccessOperations.Create, request.TenantId, caller, request.Purpose);
            return null;
        }
        SecretReference reference = request.Kind switch
        {
            SecretKinds.Encrypted => new EncryptedReference(cipher.Seal(new SecretBinding(request.TenantId, id, 1), request.Value!)),
            SecretKinds.Env => new EnvReference(request.VariableName!),
            SecretKinds.Cloud when CloudSecretIdentifier.TryParse(request.SecretIdentifier, out var identifier, out _) => new CloudReference(identifier),
            _ => throw new ArgumentException("The request was not validated.", nameof(request)),
        };
        await store.CreateAsync(new NewSecret(id, request.TenantId, request.Purpose, caller, reference), cancellationToken);
        await RecordAsync(caller, AccessOperations.Create, request.TenantId, id, 1, AccessOutcomes.Ok, cancellationToken);
        LogCreated(logger, id, request.TenantId, reference.Kind, caller);
        return new SecretHandle(id, 1, reference.Kind);
    }

    /// <summary>Writes version n+1 of an encrypted secret; older versions' key material is destroyed.</summary>
    public async Task<(WriteOutcome Outcome, SecretHandle? Handle)> UpdateAsync(
        string caller, Guid tenantId, Guid secretId, string value, CancellationToken cancellationToken)
    {
        if (await RefusedPurposeAsync(caller, AccessOperations.Update, tenantId, secretId, PurposeMatrix.MayWrite, cancellationToken))
        {
            return (WriteOutcome.Refused, null);
        }
        var (outcome, version) = await store.AddVersionAsync(
            tenantId, secretId, newVersion => cipher.Seal(new SecretBinding(tenantId, secretId, newVersion), value), cancellationToken);
        await RecordAsync(caller, AccessOperations.Update, tenantId, secretId, outcome == WriteOutcome.NotFound ? null : version, Describe(outcome), cancellationToken);
        if (outcome != WriteOutcome.Done)
        {
            return (outcome, null);
        }
        LogUpdated(logger, secretId, version, caller);
        return (outcome, new SecretHandle(secretId, version, SecretKinds.Encrypted));
    }

    /// <summary>Revokes and crypto-shreds; revoking an already revoked secret succeeds again.</summary>
    public async Task<WriteOutcome> RevokeAsync(string caller, Guid tenantId, Guid secretId, CancellationToken cancellationToken)
    {
        if (await RefusedPurposeAsync(caller, AccessOperations.Revoke, tenantId, secretId, PurposeMatrix.MayRevoke, cancellationToken))
        {
            return WriteOutcome.Refused;
        }
        var (outcome, version) = await store.RevokeAsync(tenantId, secretId, caller, cancellationToken);
        await RecordAsync(caller, AccessOperations.Revoke, tenantId, secretId, outcome == WriteOutcome.NotFound ? null : version, Describe(outcome), cancellationToken);
        if (outcome == WriteOutcome.Done)
        {
            LogRevoked(logger, secretId, caller);
        }
        return outcome;
    }

    /// <summary>Whether an existing secret's purpose refuses this caller (recorded and logged); an unknown secret is left to the store.</summary>
    private async Task<bool> RefusedPurposeAsync(
        string caller, string operation, Guid tenantId, Guid secretId, Func<string, string, bool> allowed, CancellationToken cancellationToken)
    {
        var secret = await store.FindAsync(tenantId, secretId, cancellationToken);
        if (secret is null || allowed(caller, secret.Purpose))
        {
            return false;
        }
        await RecordAsync(caller, operation, tenantId, secretId, secret.Version, AccessOutcomes.Refused, cancellationToken);
        LogRefused(logger, operation, tenantId, caller, secret.Purpose);
        return true;
    }

    private async Task RecordAsync(string caller, string operation, Guid tenantId, Guid? secretId, int? version, string outcome, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(new AccessRecord(caller, operation, tenantId, secretId, version, outcome), cancellationToken);
        metrics.Written(caller, operation, outcome);
    }

    private static string Describe(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Done => AccessOutcomes.Ok,
        WriteOutcome.NotFound => AccessOutcomes.NotFound,
        WriteOutcome.Revoked => AccessOutcomes.Revoked,
        WriteOutcome.Refused => AccessOutcomes.Refused,
        _ => AccessOutcomes.Conflict,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Operation} in tenant {TenantId} by {Caller}: a secret of purpose {Purpose} is not its business")]
    private static partial void LogRefused(ILogger logger, string operation, Guid tenantId, string caller, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created secret {SecretId} ({Kind}) in tenant {TenantId} for {Caller}")]
    private static partial void LogCreated(ILogger logger, Guid secretId, Guid tenantId, string kind, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret {SecretId} is now at version {Version} (by {Caller}); older key material destroyed")]
    private static partial void LogUpdated(ILogger logger, Guid secretId, int version, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked secret {SecretId} (by {Caller}); key material destroyed")]
    private static partial void LogRevoked(ILogger logger, Guid secretId, string caller);
}
