using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Client;
using Platform.OAuth;
using Platform.SecretsVault.Client;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// The engine run by the broker for one person and one install: starting an authorization (discovery, registration,
/// PKCE, state kept in brokerdb) and completing it from the callback, the tokens going straight to the vault.
/// </summary>
public sealed partial class BrokerAuthorizations(
    OAuthEngine engine,
    ClientSecretSource clients,
    PostgresAuthorizationStateStore states,
    PlatformClients platform,
    Tokens.OAuthTokenStore tokenStore,
    IOptions<OAuthEngineOptions> options,
    IOptions<Tokens.TokenRefreshOptions> refreshOptions,
    TimeProvider time,
    ILogger<BrokerAuthorizations> logger)
{
    /// <summary>
    /// Null when the install has no <c>oauth</c> auth method in the tenant. <paramref name="scope"/> asks for more
    /// than the install's scopes (a step-up); null asks for what discovery and the install's settings give.
    /// </summary>
    public async Task<AuthorizationStarted?> StartAsync(AuthorizationBinding binding, Uri publicBase, string? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (await clients.InstallAsync(binding, publicBase, cancellationToken) is not { AuthMethodKind: InstallClient.OAuthKind } install)
        {
            return null;
        }
        var challenge = await engine.ChallengeAsync(install.Server, cancellationToken);
        var session = await engine.PrepareAsync(install.Server, challenge, install.Settings, OAuthGrant.AuthorizationCode, cancellationToken);
        var started = await engine.StartAuthorizationAsync(session, binding.ToString(), scope, cancellationToken);
        LogStarted(logger, binding.TenantId, binding.InstallId, binding.IdentityId, session.Client.Kind);
        return new AuthorizationStarted(started.Url, started.Scope, time.GetUtcNow() + options.Value.StateLifetime);
    }

    /// <summary>
    /// Completes the flow the callback belongs to, keeps the tokens in the vault (<c>oauth-token</c>,
    /// <c>oauth-refresh-token</c>) under the tenant that started it, and makes them the identity's credential on the
    /// install in the registry. The state must be known, unused and unexpired.
    /// </summary>
    public async Task<AuthorizationCompleted> CompleteAsync(Uri callback, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var binding = await states.FindBindingAsync(state, cancellationToken)
            ?? throw new OAuthException(OAuthSteps.AuthorizationResponse, "the state is unknown or was already used.");
        var (tokens, session) = await engine.CompleteAuthorizationWithSessionAsync(callback, binding.ToString(), cancellationToken);
        var access = await platform.Vault.CreateEncryptedAsync(binding.TenantId, SecretPurposes.OAuthToken, tokens.AccessToken, cancellationToken);
        var refresh = tokens.RefreshToken is { } refreshToken
            ? await platform.Vault.CreateEncryptedAsync(binding.TenantId, SecretPurposes.OAuthRefreshToken, refreshToken, cancellationToken)
            : null;
        var credential = await StoreCredentialAsync(binding, tokens, access.SecretId, refresh?.SecretId, cancellationToken);
        // From here the broker keeps the tokens fresh (Tokens/TokenRefresher), starting from the session of this flow.
        var issuedAt = time.GetUtcNow();
        await tokenStore.SaveConnectedAsync(new Tokens.OAuthTokenRow(
            credential.CredentialId, binding, access.SecretId, refresh?.SecretId, Tokens.TokenRefresher.Sha256(tokens.AccessToken), SessionJson.Serialize(session),
            tokens.Scope, issuedAt, tokens.ExpiresAt, refreshOptions.Value.RefreshAt(issuedAt, tokens.ExpiresAt), Tokens.OAuthTokenRow.Active), cancellationToken);
        LogCompleted(logger, binding.TenantId, binding.InstallId, binding.IdentityId, tokens.Scope ?? "(none)", refresh is not null);
        return new AuthorizationCompleted(
            binding.TenantId, binding.InstallId, binding.IdentityId, credential.CredentialId, tokens.Scope, tokens.ExpiresAt, access.SecretId, refresh?.SecretId,
            tokens.Account, ProviderHost(session.AuthorizationServer.Issuer));
    }

    private static string ProviderHost(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Authority : issuer;

    /// <summary>The registry's credential for the tokens; if it cannot be stored, the tokens are revoked in the vault rather than left behind.</summary>
    private async Task<OAuthCredentialInfo> StoreCredentialAsync(AuthorizationBinding binding, TokenSet tokens, Guid accessId, Guid? refreshId, CancellationToken cancellationToken)
    {
        OAuthCredentialInfo? credential = null;
        try
        {
            var scopes = tokens.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            credential = await platform.Registry.PutOAuthCredentialAsync(
                binding.TenantId, binding.InstallId, binding.IdentityId, new OAuthCredentialRequest(accessId, refreshId, scopes, tokens.ExpiresAt), cancellationToken);
        }
        finally
        {
            if (credential is null)
            {
                foreach (var secretId in new[] { accessId, refreshId }.OfType<Guid>())
                {
                    await platform.Vault.RevokeAsync(binding.TenantId, secretId, CancellationToken.None);
                }
            }
        }
        return credential ?? throw new OAuthException(OAuthSteps.AuthorizationResponse,
            "the install no longer authenticates with OAuth, or the person is no longer in the tenant; nothing was kept.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization started for identity {IdentityId} on install {InstallId} of tenant {TenantId} ({ClientKind} client)")]
    private static partial void LogStarted(ILogger logger, Guid tenantId, Guid installId, Guid identityId, ClientRegistrationKind clientKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization completed for identity {IdentityId} on install {InstallId} of tenant {TenantId}: scope {Scope}, refresh token {HasRefreshToken}; tokens kept in the vault")]
    private static partial void LogCompleted(ILogger logger, Guid tenantId, Guid installId, Guid identityId, string scope, bool hasRefreshToken);
}
