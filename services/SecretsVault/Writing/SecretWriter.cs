using Microsoft.Extensions.Logging;
using Platform.SecretsVault.Client;
using Platform.SecretsVault.Crypto;
using Platform.SecretsVault.Resolution;
using Platform.SecretsVault.Sources;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Writing;

/// <summary>Creates secrets, writes new versions and revokes them; each operation leaves an access record.</summary>
public sealed partial class SecretWriter(
    SecretStore store,
    EnvelopeCipher cipher,
    AccessLog accessLog,
    VaultMetrics metrics,
    ILogger<SecretWriter> logger)
{
    /// <summary>Stores a request that <see cref="SecretRequestValidator"/> accepted, as version 1.</summary>
    public async Task<SecretHandle> CreateAsync(string caller, CreateSecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.CreateVersion7();
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
        var (outcome, version) = await store.RevokeAsync(tenantId, secretId, caller, cancellationToken);
        await RecordAsync(caller, AccessOperations.Revoke, tenantId, secretId, outcome == WriteOutcome.NotFound ? null : version, Describe(outcome), cancellationToken);
        if (outcome == WriteOutcome.Done)
        {
            LogRevoked(logger, secretId, caller);
        }
        return outcome;
    }

    private async Task RecordAsync(string caller, string operation, Guid tenantId, Guid secretId, int? version, string outcome, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(new AccessRecord(caller, operation, tenantId, secretId, version, outcome), cancellationToken);
        metrics.Written(caller, operation, outcome);
    }

    private static string Describe(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Done => AccessOutcomes.Ok,
        WriteOutcome.NotFound => AccessOutcomes.NotFound,
        WriteOutcome.Revoked => AccessOutcomes.Revoked,
        _ => AccessOutcomes.Conflict,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created secret {SecretId} ({Kind}) in tenant {TenantId} for {Caller}")]
    private static partial void LogCreated(ILogger logger, Guid secretId, Guid tenantId, string kind, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret {SecretId} is now at version {Version} (by {Caller}); older key material destroyed")]
    private static partial void LogUpdated(ILogger logger, Guid secretId, int version, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked secret {SecretId} (by {Caller}); key material destroyed")]
    private static partial void LogRevoked(ILogger logger, Guid secretId, string caller);
}
