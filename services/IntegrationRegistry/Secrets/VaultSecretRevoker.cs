using Npgsql;
using Platform.SecretsVault.Client;

namespace Platform.IntegrationRegistry.Secrets;

/// <summary>
/// Revokes, in the vault, the secrets queued in <c>pending_secret_revocations</c> (credential revoked, install
/// deleted, client secret replaced), deleting each row once the vault confirmed. Retries while the vault is away.
/// Skips OAuth tokens still held for the broker's upstream revocation (<c>held_until</c>, released by the broker).
/// </summary>
public sealed partial class VaultSecretRevoker(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopeFactory,
    SecretRevocationSignal signal,
    ILogger<VaultSecretRevoker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = PollInterval;
            try
            {
                if (!await RevokeBatchAsync(stoppingToken))
                {
                    delay = RetryDelay;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogSweepFailed(logger, exception.GetType().Name);
                delay = RetryDelay;
            }
            try
            {
                await signal.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>True if every queued secret was handled; false if the vault failed one (the rest wait for a retry).</summary>
    private async Task<bool> RevokeBatchAsync(CancellationToken ct)
    {
        var pending = new List<(Guid SecretId, Guid TenantId)>();
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var select = new NpgsqlCommand(
            """
            SELECT secret_id, tenant_id FROM registry.pending_secret_revocations
            WHERE held_until IS NULL OR held_until <= now() ORDER BY queued_at LIMIT @limit
            """, connection))
        {
            select.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                pending.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        if (pending.Count == 0)
        {
            return true;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var vault = scope.ServiceProvider.GetRequiredService<VaultClient>();
        foreach (var (secretId, tenantId) in pending)
        {
            try
            {
                await vault.RevokeAsync(tenantId, secretId, ct);
            }
            catch (SecretUnavailableException)
            {
                // Unknown to the vault (already gone): nothing left to destroy.
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                LogVaultFailed(logger, secretId, exception.GetType().Name);
                await MarkAttemptAsync(secretId, ct);
                return false;
            }
            await DeleteAsync(secretId, ct);
            LogRevoked(logger, secretId);
        }
        if (pending.Count == BatchSize)
        {
            signal.Notify();
        }
        return true;
    }

    private async Task DeleteAsync(Guid secretId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var delete = new NpgsqlCommand("DELETE FROM registry.pending_secret_revocations WHERE secret_id = @id", connection);
        delete.Parameters.AddWithValue("id", secretId);
        await delete.ExecuteNonQueryAsync(ct);
    }

    private async Task MarkAttemptAsync(Guid secretId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var update = new NpgsqlCommand("UPDATE registry.pending_secret_revocations SET attempts = attempts + 1 WHERE secret_id = @id", connection);
        update.Parameters.AddWithValue("id", secretId);
        await update.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked vault secret {SecretId}")]
    private static partial void LogRevoked(ILogger logger, Guid secretId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vault did not revoke secret {SecretId} ({Error}); will retry")]
    private static partial void LogVaultFailed(ILogger logger, Guid secretId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping pending secret revocations failed ({Error}); will retry")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
