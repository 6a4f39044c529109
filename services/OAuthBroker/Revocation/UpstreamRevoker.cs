using Microsoft.Extensions.Options;
using Platform.OAuth;
using Platform.OAuthBroker.Engine;
using Platform.OAuthBroker.Tokens;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Revocation;

/// <summary>
/// Revokes a revoked credential's tokens at the authorization server (RFC 7009): the refresh token first (at most
/// servers that ends the whole grant), then the access token, each read from the vault, where the registry holds
/// them until this is done, and sent with the client authentication the broker registered. Then the registry may
/// let the vault destroy them, and the credential's row goes. One replica at a time per credential (the row is
/// locked, others skip it); a failure is recorded and tried again later. Revoking twice is harmless (RFC 7009
/// answers 200 for a token it no longer knows).
/// </summary>
public sealed partial class UpstreamRevoker(
    OAuthTokenStore store,
    OAuthEngine engine,
    ClientSecretSource clients,
    PlatformClients platform,
    IOptions<UpstreamRevocationOptions> options,
    TimeProvider time,
    ILogger<UpstreamRevoker> logger)
{
    /// <summary>One attempt for one credential; does nothing unless its row is marked revoked and free.</summary>
    public async Task RevokeAsync(Guid tenantId, Guid credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await OAuthTokenStore.LockAsync(connection, tenantId, credentialId, skipLocked: true, cancellationToken);
        if (row is not { Status: OAuthTokenRow.Revoked })
        {
            return;
        }
        string outcome;
        try
        {
            outcome = await RevokeUpstreamAsync(row, cancellationToken);
            await platform.Registry.ReleaseSecretHoldsAsync(tenantId, [.. new[] { row.AccessSecretId, row.RefreshSecretId }.OfType<Guid>()], cancellationToken);
        }
        catch (Exception exception) when (exception is OAuthException or HttpRequestException or SecretUnavailableException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = exception is OAuthException or SecretUnavailableException ? exception.Message : exception.GetType().Name;
            var attempts = await OAuthTokenStore.RecordRevocationFailureAsync(
                connection, credentialId, time.GetUtcNow(), options.Value.FirstRetryDelay, options.Value.MaxRetryDelay, reason, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogFailed(logger, credentialId, tenantId, attempts, reason);
            return;
        }
        await OAuthTokenStore.DeleteAsync(connection, credentialId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRevoked(logger, credentialId, tenantId, outcome);
    }

    private async Task<string> RevokeUpstreamAsync(OAuthTokenRow row, CancellationToken cancellationToken)
    {
        var session = SessionJson.Deserialize(row.SessionJson);
        if (session.AuthorizationServer.RevocationEndpoint is not { } endpoint)
        {
            return "the authorization server offers no revocation endpoint";
        }
        // Read first: once the registry's hold has ended the vault has destroyed them, and the attempts end here.
        var tokens = new List<(string Token, string Hint)>();
        foreach (var (secretId, hint) in new[] { (row.RefreshSecretId, "refresh_token"), (row.AccessSecretId, "access_token") })
        {
            if (secretId is { } id && await ReadSecretAsync(row.Binding.TenantId, id, cancellationToken) is { } token)
            {
                tokens.Add((token, hint));
            }
        }
        if (tokens.Count == 0)
        {
            return "nothing left to revoke (the vault has destroyed the tokens)";
        }
        try
        {
            session = await clients.RestoreAsync(row.Binding, session, cancellationToken);
        }
        catch (Exception exception) when (exception is OAuthException || IsGone(exception))
        {
            return "not revoked upstream: the client the tokens were issued to is gone";
        }
        var revoked = 0;
        foreach (var (token, hint) in tokens)
        {
            try
            {
                await engine.RevokeAsync(session, token, hint, cancellationToken);
                revoked++;
            }
            catch (OAuthException refused) when (refused.Error == "unsupported_token_type")
            {
                // RFC 7009 section 2.2.1: this server does not revoke tokens of this kind (JWT access tokens, often).
            }
        }
        return $"{revoked} of {tokens.Count} token(s) revoked at {endpoint.GetLeftPart(UriPartial.Path)}";
    }

    private static bool IsGone(Exception exception) =>
        exception is SecretUnavailableException { Reason: SecretUnavailableReason.Revoked or SecretUnavailableReason.NotFound };

    /// <summary>The secret's value; null when the vault has destroyed it already (the registry's hold ended).</summary>
    private async Task<string?> ReadSecretAsync(Guid tenantId, Guid secretId, CancellationToken cancellationToken)
    {
        try
        {
            return await platform.Vault.ResolveAsync(tenantId, secretId, cancellationToken);
        }
        catch (SecretUnavailableException gone) when (IsGone(gone))
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Credential {CredentialId} (tenant {TenantId}) is revoked upstream: {Outcome}")]
    private static partial void LogRevoked(ILogger logger, Guid credentialId, Guid tenantId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking the tokens of credential {CredentialId} (tenant {TenantId}) upstream failed (attempt {Attempts}); tried again later: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid credentialId, Guid tenantId, int attempts, string reason);
}
