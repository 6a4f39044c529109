using Platform.IntegrationRegistry.Data;
using Platform.IntegrationRegistry.Model;
using Platform.SecretsVault.Client;

namespace Platform.IntegrationRegistry.Secrets;

/// <summary>
/// Sends secret material (or references) straight to the vault and keeps only the handles. If any write fails,
/// the ones already written are queued for revocation, so no orphaned secret outlives the failed request.
/// </summary>
public sealed partial class VaultSecretWriter(VaultClient vault, RegistryDatabase database, ILogger<VaultSecretWriter> logger)
{
    /// <param name="purpose">One of <see cref="SecretPurposes"/>: what the vault lets the edge or the broker do with these secrets.</param>
    /// <param name="fieldPrefix">The request field the errors are reported under, e.g. <c>secrets</c> or <c>clientSecret</c>.</param>
    public async Task<SecretWriteResult> WriteAsync(Guid tenantId, string purpose, IReadOnlyDictionary<string, SecretInput> secrets, string fieldPrefix, CancellationToken ct)
    {
        var handles = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (role, input) in secrets)
        {
            var field = $"{fieldPrefix}.{role}";
            try
            {
                var handle = input switch
                {
                    { Value: { Length: > 0 } value } => await vault.CreateEncryptedAsync(tenantId, purpose, value, ct),
                    { EnvironmentVariable: { Length: > 0 } variable } => await vault.CreateEnvReferenceAsync(tenantId, purpose, variable, ct),
                    { KeyVaultSecretId: { Length: > 0 } uri } => await vault.CreateCloudReferenceAsync(tenantId, purpose, new Uri(uri), ct),
                    _ => throw new ArgumentException("A secret input must hold a value or a reference.", nameof(secrets)),
                };
                handles[role] = handle.SecretId;
            }
            catch (SecretRejectedException rejected)
            {
                await DiscardAsync(tenantId, handles.Values, ct);
                var reason = rejected.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? rejected.Message;
                return new SecretWriteResult(new Dictionary<string, Guid>(), new Dictionary<string, string[]> { [field] = [$"The vault refused this secret: {reason}"] });
            }
            catch (HttpRequestException exception)
            {
                LogVaultUnavailable(logger, exception.StatusCode is { } status ? (int)status : 0);
                await DiscardAsync(tenantId, handles.Values, ct);
                return new SecretWriteResult(new Dictionary<string, Guid>(), VaultUnavailable: true);
            }
        }
        return new SecretWriteResult(handles);
    }

    /// <summary>Queues secrets that ended up unused (a later step failed) for revocation.</summary>
    public Task DiscardAsync(Guid tenantId, IEnumerable<Guid> secretIds, CancellationToken ct)
    {
        var ids = secretIds.ToArray();
        return ids.Length == 0
            ? Task.CompletedTask
            : database.InTransactionAsync(async s =>
            {
                await PendingSecretRevocations.QueueAsync(s, tenantId, ids, ct);
                return true;
            }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vault did not accept a secret write (HTTP {Status}; 0 = unreachable)")]
    private static partial void LogVaultUnavailable(ILogger logger, int status);
}
