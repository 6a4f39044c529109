using Platform.OAuth;

namespace Platform.OAuthBroker.Engine;

/// <summary>
/// Where a client's secret comes from when a token request needs it: a pre-registered client's from the vault handle
/// on the install's auth method (asked of the registry again, so an edited method counts), a dynamic registration's
/// from the registration store. brokerdb never holds one.
/// </summary>
public sealed class ClientSecretSource(PlatformClients clients, PostgresClientRegistrationStore registrations)
{
    /// <summary>The install's upstream and OAuth settings as the engine takes them, a pre-registered client's secret resolved; null when the install has no OAuth auth method.</summary>
    public async Task<InstallClient?> InstallAsync(AuthorizationBinding binding, Uri publicBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (await clients.Registry.GetInstallOAuthSettingsAsync(binding.TenantId, binding.InstallId, cancellationToken) is not { } install)
        {
            return null;
        }
        PreRegisteredClient? preRegistered = null;
        if (install.ClientId is { } clientId)
        {
            var secret = install.ClientSecretId is { } id ? await clients.Vault.ResolveAsync(binding.TenantId, id, cancellationToken) : null;
            preRegistered = new PreRegisteredClient(clientId, secret, install.TokenEndpointAuthMethod ?? TokenEndpointAuthMethods.None)
            {
                AuthorizationEndpoint = install.AuthorizationEndpoint is { } authorize ? new Uri(authorize) : null,
                TokenEndpoint = install.TokenEndpoint is { } token ? new Uri(token) : null,
            };
        }
        var settings = new OAuthClientSettings
        {
            PreRegistered = preRegistered,
            ClientMetadataDocumentUrl = new Uri(publicBase, Apis.ClientMetadataApi.Path),
            RedirectUri = new Uri(publicBase, Apis.ClientMetadataApi.CallbackPath),
            ConfiguredScopes = install.Scopes,
            ResourceOnRefresh = install.ResourceOnRefresh,
        };
        return new InstallClient(new Uri(install.BaseUrl), install.AuthMethodKind, settings);
    }

    /// <summary>The stored session with its client's secret put back (none for a public client or a metadata document).</summary>
    public async Task<OAuthSession> RestoreAsync(AuthorizationBinding binding, OAuthSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Client.TokenEndpointAuthMethod == TokenEndpointAuthMethods.None)
        {
            return session;
        }
        const string step = OAuthSteps.AuthorizationResponse;
        switch (session.Client.Kind)
        {
            case ClientRegistrationKind.PreRegistered:
                var install = await clients.Registry.GetInstallOAuthSettingsAsync(binding.TenantId, binding.InstallId, cancellationToken);
                if (install?.ClientId != session.Client.ClientId || install.ClientSecretId is not { } secretId)
                {
                    throw new OAuthException(step, "the install's OAuth client changed while the authorization was pending; start again.");
                }
                var secret = await clients.Vault.ResolveAsync(binding.TenantId, secretId, cancellationToken);
                return session with
                {
                    Client = session.Client with { ClientSecret = secret },
                    Settings = session.Settings with { PreRegistered = session.Settings.PreRegistered! with { ClientSecret = secret } },
                };
            default:
                var key = new ClientRegistrationKey(session.AuthorizationServer.Issuer, session.Settings.RedirectUri?.AbsoluteUri, "authorization_code");
                var registration = await registrations.FindAsync(key, cancellationToken);
                if (registration?.ClientId != session.Client.ClientId)
                {
                    throw new OAuthException(step, $"the registration with {session.AuthorizationServer.Issuer} changed while the authorization was pending; start again.");
                }
                return session with { Client = registration };
        }
    }
}
