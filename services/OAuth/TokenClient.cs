using System.Net.Http.Headers;
using System.Text;

namespace Platform.OAuth;

/// <summary>
/// Token endpoint requests (RFC 6749 section 3.2) with the client authentication the registration names, and
/// revocation (RFC 7009). Error messages carry the server's <c>error</c> code, never the request's secrets.
/// </summary>
internal sealed class TokenClient(OAuthHttp http, TimeProvider time)
{
    public async Task<TokenSet> RequestAsync(string step, OAuthSession session, List<KeyValuePair<string, string>> form, string? requestedScope, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        var endpoint = session.AuthorizationServer.TokenEndpoint;
        using var request = Authenticated(HttpMethod.Post, endpoint, session.Client, form);
        using var response = await http.SendAsync(step, request, cancellationToken).ConfigureAwait(false);
        var url = OAuthHttp.Describe(endpoint);
        if (!response.IsSuccessStatusCode)
        {
            throw new OAuthException(step, $"{url} answered {(int)response.StatusCode}{await OAuthHttp.ErrorSuffixAsync(response, cancellationToken).ConfigureAwait(false)}.")
            {
                Error = await OAuthHttp.ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false),
            };
        }
        var json = await OAuthHttp.ParseObjectAsync(step, url, response, cancellationToken).ConfigureAwait(false);
        var accessToken = OAuthJson.String(json, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new OAuthException(step, $"{url} answered without an access_token.");
        }
        var tokenType = OAuthJson.String(json, "token_type") ?? "Bearer";
        if (!tokenType.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new OAuthException(step, $"{url} issued a token of type \"{tokenType}\"; the platform uses Bearer tokens only.");
        }
        var expiresIn = OAuthJson.Number(json, "expires_in");
        return new TokenSet
        {
            AccessToken = accessToken,
            // RFC 6749 section 6: a refresh answer without a new refresh token leaves the old one valid.
            RefreshToken = OAuthJson.String(json, "refresh_token") ?? previousRefreshToken,
            TokenType = "Bearer",
            ExpiresAt = expiresIn is > 0 ? time.GetUtcNow().AddSeconds(expiresIn.Value) : null,
            Scope = OAuthJson.String(json, "scope") ?? requestedScope,
            Account = IdTokenAccount.Name(OAuthJson.String(json, "id_token")),
        };
    }

    public async Task RevokeAsync(OAuthSession session, Uri endpoint, string token, string tokenTypeHint, CancellationToken cancellationToken)
    {
        const string step = OAuthSteps.Revocation;
        using var request = Authenticated(HttpMethod.Post, endpoint, session.Client, [new("token", token), new("token_type_hint", tokenTypeHint)]);
        using var response = await http.SendAsync(step, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new OAuthException(step, $"{OAuthHttp.Describe(endpoint)} answered {(int)response.StatusCode}{await OAuthHttp.ErrorSuffixAsync(response, cancellationToken).ConfigureAwait(false)}.")
            {
                Error = await OAuthHttp.ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false),
            };
        }
    }

    private static HttpRequestMessage Authenticated(HttpMethod method, Uri endpoint, ClientRegistration client, List<KeyValuePair<string, string>> form)
    {
        var request = new HttpRequestMessage(method, endpoint);
        request.Headers.Accept.ParseAdd("application/json");
        switch (client.TokenEndpointAuthMethod)
        {
            case TokenEndpointAuthMethods.ClientSecretBasic:
                // RFC 6749 section 2.3.1: both parts form-encoded before base64.
                var credentials = $"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.ClientSecret ?? "")}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                break;
            case TokenEndpointAuthMethods.ClientSecretPost:
                form.Add(new("client_id", client.ClientId));
                form.Add(new("client_secret", client.ClientSecret ?? ""));
                break;
            default:
                form.Add(new("client_id", client.ClientId));
                break;
        }
        request.Content = new FormUrlEncodedContent(form);
        return request;
    }
}
