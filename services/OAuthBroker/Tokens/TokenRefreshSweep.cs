using Microsoft.Extensions.Options;
using Npgsql;
using Platform.OAuth;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Tokens;

/// <summary>
/// Renews tokens ahead of their expiry without waiting for anyone to ask: every <see cref="TokenRefreshOptions.SweepInterval"/>
/// each replica takes the credentials whose refresh time has come and renews them, skipping any another replica or
/// an edge is renewing at that moment (that one ends renewed anyway). A failure is logged and tried again next round.
/// </summary>
public sealed partial class TokenRefreshSweep(
    OAuthTokenStore store, TokenRefresher refresher, IOptions<TokenRefreshOptions> options, TimeProvider time, ILogger<TokenRefreshSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<(Guid TenantId, Guid CredentialId)> due;
        try
        {
            due = await store.DueAsync(time.GetUtcNow(), options.Value.SweepBatchSize, cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            LogSweepFailed(logger, exception.GetType().Name);
            return;
        }
        foreach (var (tenantId, credentialId) in due)
        {
            try
            {
                await refresher.EnsureFreshAsync(tenantId, credentialId, rejectedTokenSha256: null, skipBusy: true, cancellationToken);
            }
            catch (Exception exception) when (exception is OAuthException or HttpRequestException or NpgsqlException or SecretUnavailableException or TimeoutException)
            {
                LogRefreshFailed(logger, credentialId, exception is OAuthException oauth ? oauth.Message : exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token refresh sweep could not read brokerdb ({Error})")]
    private static partial void LogSweepFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the tokens of credential {CredentialId} failed; tried again next round: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, Guid credentialId, string reason);
}
