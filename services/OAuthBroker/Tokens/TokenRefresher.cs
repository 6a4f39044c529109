using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.IntegrationRegistry.Client;
using Platform.OAuth;
using Platform.OAuthBroker.Engine;
using Platform.OAuthBroker.Faults;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Tokens;

/// <summary>
/// Renews a credential's tokens, exactly once at a time per credential across every replica: the credential's row
/// in brokerdb is held <c>FOR UPDATE</c> from the decision to the commit, so a racing caller waits and then reads the
/// winner's token (<see cref="TokenRefreshRule"/>). The new tokens are stored in this order: the rotated refresh
/// token first, then the access token (both as new versions of the same vault secrets), then the row, then the
/// registry's expiry. A broker stopped anywhere after the first write leaves a credential whose stored refresh token
/// is the newest one, which the next refresh uses; see docs/architecture.md for the one window that remains.
/// </summary>
public sealed partial class TokenRefresher(
    OAuthTokenStore store,
    OAuthEngine engine,
    ClientSecretSource clients,
    PlatformClients platform,
    IOptions<TokenRefreshOptions> options,
    TimeProvider time,
    CrashPoints crashPoints,
    ILogger<TokenRefresher> logger)
{
    private const int VaultWriteAttempts = 3;

    /// <summary>
    /// The credential's current access token, renewed first when its refresh time has come or when the caller was
    /// refused with exactly the stored token (<paramref name="rejectedTokenSha256"/>). Null for an unknown or revoked
    /// credential (or, with <paramref name="skipBusy"/>, one being renewed right now). An <see cref="OAuthException"/> when
    /// the authorization server could not renew it for a reason other than a refused grant.
    /// </summary>
    public async Task<FreshToken?> EnsureFreshAsync(Guid tenantId, Guid credentialId, byte[]? rejectedTokenSha256, bool skipBusy, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await OAuthTokenStore.LockAsync(connection, tenantId, credentialId, skipBusy, cancellationToken);
        if (row is null || row.Status == OAuthTokenRow.Revoked)
        {
            return null;
        }
        if (row.Status != OAuthTokenRow.Active)
        {
            return FreshToken.From(row, refreshed: false);
        }
        var rejectedIsStored = rejectedTokenSha256 is not null && CryptographicOperations.FixedTimeEquals(rejectedTokenSha256, row.AccessTokenSha256);
        switch (TokenRefreshRule.Decide(time.GetUtcNow(), row.RefreshAt, row.ExpiresAt, rejectedIsStored, row.RefreshSecretId is not null))
        {
            case TokenRefreshDecision.UseStored:
                await transaction.CommitAsync(cancellationToken);
                return FreshToken.From(row, refreshed: false);
            case TokenRefreshDecision.Reauthorize:
                return await NeedsReauthorizationAsync(connection, transaction, row, "it cannot be renewed (no refresh token)");
        }
        TokenSet tokens;
        try
        {
            tokens = await RequestAsync(row, cancellationToken);
        }
        catch (OAuthException refused) when (refused.Error == "invalid_grant" || refused.Step == OAuthSteps.AuthorizationResponse)
        {
            return await NeedsReauthorizationAsync(connection, transaction, row, refused.Message);
        }
        catch (SecretUnavailableException)
        {
            return await NeedsReauthorizationAsync(connection, transaction, row, "its refresh token is no longer in the vault");
        }
        var renewed = await StoreAsync(connection, row, tokens, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var scopes = tokens.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!await platform.Registry.RecordTokenRefreshedAsync(tenantId, credentialId, new OAuthTokenRefreshed(tokens.ExpiresAt, scopes), CancellationToken.None))
        {
            LogRefreshedForInactive(logger, credentialId);
        }
        LogRefreshed(logger, credentialId, tenantId, tokens.ExpiresAt, rejectedIsStored ? "refused by the upstream" : "due");
        return FreshToken.From(renewed, refreshed: true);
    }

    public static byte[] Sha256(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private async Task<TokenSet> RequestAsync(OAuthTokenRow row, CancellationToken cancellationToken)
    {
        var session = await clients.RestoreAsync(row.Binding, SessionJson.Deserialize(row.SessionJson), cancellationToken);
        var refreshToken = await platform.Vault.ResolveAsync(row.Binding.TenantId, row.RefreshSecretId!.Value, cancellationToken);
        return await engine.RefreshAsync(session, refreshToken, scope: null, cancellationToken);
    }

    /// <summary>Refresh token first: once it is written, whatever happens next, the stored refresh token is the live one.</summary>
    private async Task<OAuthTokenRow> StoreAsync(NpgsqlConnection connection, OAuthTokenRow row, TokenSet tokens, CancellationToken cancellationToken)
    {
        var tenantId = row.Binding.TenantId;
        crashPoints.Reached(CrashPoints.TokensReceived);
        if (tokens.RefreshToken is { } refreshToken)
        {
            await WriteAsync(tenantId, row.RefreshSecretId!.Value, refreshToken);
            crashPoints.Reached(CrashPoints.RefreshTokenStored);
        }
        await WriteAsync(tenantId, row.AccessSecretId, tokens.AccessToken);
        crashPoints.Reached(CrashPoints.AccessTokenStored);
        var issuedAt = time.GetUtcNow();
        return await OAuthTokenStore.RecordRefreshAsync(
            connection, row, Sha256(tokens.AccessToken), tokens.Scope, issuedAt, tokens.ExpiresAt, options.Value.RefreshAt(issuedAt, tokens.ExpiresAt), cancellationToken);
    }

    /// <summary>
    /// A new version of a vault secret, tried again while the vault is briefly unreachable: the token exists nowhere
    /// else, so giving up early would lose it. Writing the same value twice is harmless.
    /// </summary>
    private async Task WriteAsync(Guid tenantId, Guid secretId, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await platform.Vault.UpdateAsync(tenantId, secretId, value, CancellationToken.None);
                return;
            }
            catch (HttpRequestException) when (attempt < VaultWriteAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time);
            }
        }
    }

    private async Task<FreshToken> NeedsReauthorizationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OAuthTokenRow row, string reason)
    {
        await OAuthTokenStore.MarkNeedsReauthAsync(connection, row.CredentialId, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        try
        {
            await platform.Registry.MarkCredentialNeedsReauthAsync(row.Binding.TenantId, row.CredentialId, CancellationToken.None);
        }
        catch (HttpRequestException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Revoked meanwhile: nothing left to mark.
        }
        LogNeedsReauth(logger, row.CredentialId, row.Binding.TenantId, reason);
        return FreshToken.From(row with { Status = OAuthTokenRow.NeedsReauth }, refreshed: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewed the tokens of credential {CredentialId} (tenant {TenantId}): expires {ExpiresAt}, {Why}")]
    private static partial void LogRefreshed(ILogger logger, Guid credentialId, Guid tenantId, DateTimeOffset? expiresAt, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Credential {CredentialId} (tenant {TenantId}) needs a new consent: {Reason}")]
    private static partial void LogNeedsReauth(ILogger logger, Guid credentialId, Guid tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewed the tokens of credential {CredentialId}, but the registry no longer holds it as active")]
    private static partial void LogRefreshedForInactive(ILogger logger, Guid credentialId);
}
