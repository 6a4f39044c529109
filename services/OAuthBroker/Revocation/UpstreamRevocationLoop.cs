using Microsoft.Extensions.Options;
using Npgsql;
using Platform.OAuthBroker.Tokens;

namespace Platform.OAuthBroker.Revocation;

/// <summary>
/// Retries the upstream revocations that failed (authorization server unreachable, registry or vault away): every
/// <see cref="UpstreamRevocationOptions.PollInterval"/> each replica takes the revoked credentials whose next attempt
/// is due. The first attempt is made at once by <see cref="IntegrationEvents.EventHandling.UpstreamRevocationConsumer"/>.
/// </summary>
public sealed partial class UpstreamRevocationLoop(
    OAuthTokenStore store, UpstreamRevoker revoker, IOptions<UpstreamRevocationOptions> options, TimeProvider time, ILogger<UpstreamRevocationLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RetryDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (tenantId, credentialId) in await store.RevocationsDueAsync(time.GetUtcNow(), options.Value.BatchSize, cancellationToken))
            {
                await revoker.RevokeAsync(tenantId, credentialId, cancellationToken);
            }
        }
        catch (NpgsqlException exception)
        {
            LogLoopFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upstream revocation loop could not use brokerdb ({Error}); tried again next round")]
    private static partial void LogLoopFailed(ILogger logger, string error);
}
