using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth;

/// <summary>
/// Chooses the client to present, in the spec's order of preference: the operator's pre-registered client, our Client
/// ID Metadata Document when the server supports CIMD, else a dynamic registration (RFC 7591), made once per
/// authorization server, redirect URI and grant, and reused from the store.
/// </summary>
internal sealed partial class ClientRegistrar(OAuthHttp http, IClientRegistrationStore store, string clientName, ILogger logger)
{
    public async Task<ClientRegistration> ChooseAsync(AuthorizationServerMetadata server, OAuthClientSettings settings, OAuthGrant grant, CancellationToken cancellationToken)
    {
        const string step = OAuthSteps.ClientRegistration;
        ClientRegistration registration;
        if (settings.PreRegistered is { } pre)
        {
            if (!TokenEndpointAuthMethods.IsKnown(pre.TokenEndpointAuthMethod))
            {
                throw new OAuthException(step, $"the pre-registered client's token endpoint auth method \"{pre.TokenEndpointAuthMethod}\" is not one of {string.Join(", ", TokenEndpointAuthMethods.Preferred)}.");
            }
            if (pre.TokenEndpointAuthMethod != TokenEndpointAuthMethods.None && string.IsNullOrEmpty(pre.ClientSecret))
            {
                throw new OAuthException(step, $"the pre-registered client uses {pre.TokenEndpointAuthMethod} but has no client secret.");
            }
            registration = new ClientRegistration(ClientRegistrationKind.PreRegistered, pre.ClientId, pre.ClientSecret, pre.TokenEndpointAuthMethod);
        }
        else if (grant == OAuthGrant.AuthorizationCode && server.ClientIdMetadataDocumentSupported && settings.ClientMetadataDocumentUrl is { } document)
        {
            registration = new ClientRegistration(ClientRegistrationKind.MetadataDocument, document.AbsoluteUri, null, TokenEndpointAuthMethods.None);
        }
        else if (server.RegistrationEndpoint is { } endpoint)
        {
            var redirect = grant == OAuthGrant.AuthorizationCode ? RequireRedirect(settings) : null;
            var key = new ClientRegistrationKey(server.Issuer, redirect?.AbsoluteUri, GrantType(grant));
            registration = await store.GetOrRegisterAsync(key, ct => RegisterAsync(endpoint, server, redirect, grant, ct), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new OAuthException(step, $"{server.Issuer} offers neither a Client ID Metadata Document nor dynamic registration, and no client is configured; configure a pre-registered client.");
        }
        LogRegistration(logger, server.Issuer, registration.Kind, registration.ClientId, registration.TokenEndpointAuthMethod);
        return registration;
    }

    public static Uri RequireRedirect(OAuthClientSettings settings) =>
        settings.RedirectUri ?? throw new OAuthException(OAuthSteps.AuthorizationRequest, "no redirect URI is configured.");

    private async Task<ClientRegistration> RegisterAsync(Uri endpoint, AuthorizationServerMetadata server, Uri? redirect, OAuthGrant grant, CancellationToken cancellationToken)
    {
        const string step = OAuthSteps.ClientRegistration;
        var method = ChooseAuthMethod(server.TokenEndpointAuthMethodsSupported);
        var body = new JsonObject
        {
            ["client_name"] = clientName,
            ["grant_types"] = grant == OAuthGrant.AuthorizationCode ? new JsonArray("authorization_code", "refresh_token") : new JsonArray("client_credentials"),
            ["response_types"] = grant == OAuthGrant.AuthorizationCode ? new JsonArray("code") : new JsonArray(),
            ["token_endpoint_auth_method"] = method,
        };
        if (redirect is not null)
        {
            body["redirect_uris"] = new JsonArray(redirect.AbsoluteUri);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(step, request, cancellationToken).ConfigureAwait(false);
        var json = await OAuthHttp.ReadJsonObjectAsync(step, response, cancellationToken).ConfigureAwait(false);
        var clientId = OAuthJson.String(json, "client_id")
            ?? throw new OAuthException(step, $"{OAuthHttp.Describe(endpoint)} answered without a client_id.");
        var secret = OAuthJson.String(json, "client_secret");
        var granted = OAuthJson.String(json, "token_endpoint_auth_method") ?? method;
        if (!TokenEndpointAuthMethods.IsKnown(granted) || (granted != TokenEndpointAuthMethods.None && secret is null))
        {
            throw new OAuthException(step, $"{OAuthHttp.Describe(endpoint)} registered token endpoint auth method \"{granted}\"{(secret is null ? " without a client secret" : "")}, which the platform cannot use.");
        }
        return new ClientRegistration(ClientRegistrationKind.Dynamic, clientId, secret, granted);
    }

    /// <summary>The first method we prefer that the server lists; RFC 8414's default when it lists none.</summary>
    private static string ChooseAuthMethod(IReadOnlyList<string>? supported)
    {
        if (supported is not { Count: > 0 })
        {
            return TokenEndpointAuthMethods.ClientSecretBasic;
        }
        return TokenEndpointAuthMethods.Preferred.FirstOrDefault(m => supported.Contains(m, StringComparer.Ordinal))
            ?? throw new OAuthException(OAuthSteps.ClientRegistration,
                $"the authorization server supports only token endpoint auth methods {string.Join(", ", supported)}; the platform uses {string.Join(", ", TokenEndpointAuthMethods.Preferred)}.");
    }

    private static string GrantType(OAuthGrant grant) => grant == OAuthGrant.AuthorizationCode ? "authorization_code" : "client_credentials";

    [LoggerMessage(Level = LogLevel.Information, Message = "Client at {Issuer}: {Kind}, client id {ClientId}, token endpoint auth {AuthMethod}")]
    private static partial void LogRegistration(ILogger logger, string issuer, ClientRegistrationKind kind, string clientId, string authMethod);
}
