using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth.Tests;

/// <summary>The authorization server's endpoints: authorize, token (code, refresh, client credentials), client authentication, Client ID Metadata Documents and dynamic registration.</summary>
public sealed partial class TestOAuthServer
{
    private async Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        AuthorizeRequests.Enqueue(query);
        var clientId = query.GetValueOrDefault("client_id") ?? "";
        var known = _clients.ContainsKey(clientId)
            || (IsDocumentClientId(clientId) && await DocumentAllowsAsync(clientId, query.GetValueOrDefault("redirect_uri"), context.RequestAborted));
        if (!known || query.GetValueOrDefault("code_challenge_method") != "S256" || !query.ContainsKey("redirect_uri"))
        {
            context.Response.StatusCode = 400;
            return;
        }
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = query;
        var location = $"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query.GetValueOrDefault("state") ?? "")}";
        var iss = _options.WrongIss ?? (_options.IssParameter ? Issuer : null);
        if (iss is not null)
        {
            location += "&iss=" + Uri.EscapeDataString(iss);
        }
        context.Response.Redirect(location);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var recorded = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        if (context.Request.Headers.Authorization.Count > 0)
        {
            recorded["(authorization)"] = context.Request.Headers.Authorization.ToString().Split(' ')[0];
        }
        TokenRequests.Enqueue(recorded);
        var clientId = Authenticate(context, form);
        if (clientId is null)
        {
            await ErrorAsync(context, 401, "invalid_client");
            return;
        }
        var resource = form["resource"].ToString();
        string scope;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var authorize)
                    || authorize["client_id"] != clientId
                    || authorize["redirect_uri"] != form["redirect_uri"]
                    || authorize.GetValueOrDefault("resource") != resource
                    || authorize["code_challenge"] != S256(form["code_verifier"].ToString()))
                {
                    await ErrorAsync(context, 400, "invalid_grant");
                    return;
                }
                scope = authorize.GetValueOrDefault("scope") ?? "";
                break;
            case "refresh_token":
                if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out var refresh) || refresh.ClientId != clientId
                    || (resource.Length > 0 && resource != refresh.Resource))
                {
                    await ErrorAsync(context, 400, "invalid_grant");
                    return;
                }
                resource = refresh.Resource;
                scope = refresh.Scope;
                break;
            case "client_credentials":
                if (_clients[clientId].Method == "none")
                {
                    await ErrorAsync(context, 401, "invalid_client");
                    return;
                }
                scope = form["scope"].ToString();
                break;
            default:
                await ErrorAsync(context, 400, "unsupported_grant_type");
                return;
        }
        var accessToken = "at-" + Guid.NewGuid().ToString("N");
        _accessTokens[accessToken] = (resource, scope, DateTimeOffset.UtcNow + _options.TokenLifetime);
        var answer = new JsonObject
        {
            ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds, ["scope"] = scope,
        };
        if (scope.Split(' ').Contains("offline_access"))
        {
            var refreshToken = "rt-" + Guid.NewGuid().ToString("N");
            _refreshTokens[refreshToken] = (resource, scope, clientId);
            answer["refresh_token"] = refreshToken;
        }
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(answer);
    }

    /// <summary>
    /// A URL client id when this server supports Client ID Metadata Documents: https, or http on loopback for the tests'
    /// own document hosts (the draft's https rule, with RFC 8252's loopback allowance).
    /// </summary>
    private bool IsDocumentClientId(string clientId) =>
        _options.ClientIdMetadataDocument && Uri.TryCreate(clientId, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    /// <summary>
    /// What a CIMD server does instead of trusting the client id: fetches the document (no redirects, bounded time),
    /// and accepts it only if its <c>client_id</c> is that very URL, it lists the redirect URI, and it is a public client.
    /// </summary>
    private async Task<bool> DocumentAllowsAsync(string clientId, string? redirectUri, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _documentFetches);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(clientId, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return false;
            }
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
            var allowed = document?["client_id"]?.GetValue<string>() == clientId
                && document["redirect_uris"] is JsonArray redirects && redirects.Any(r => r?.GetValue<string>() == redirectUri)
                && document["token_endpoint_auth_method"]?.GetValue<string>() == "none";
            if (allowed)
            {
                _documentClients[clientId] = true;
            }
            return allowed;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The client id when the request authenticates the way the client registered; null otherwise.</summary>
    private string? Authenticate(HttpContext context, IFormCollection form)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            var id = Uri.UnescapeDataString(decoded[0]);
            var secret = Uri.UnescapeDataString(decoded[1]);
            return _clients.TryGetValue(id, out var c) && c.Method == "client_secret_basic" && c.Secret == secret && !form.ContainsKey("client_secret") ? id : null;
        }
        var clientId = form["client_id"].ToString();
        if (IsDocumentClientId(clientId))
        {
            // Only a client whose document this server fetched and accepted at the authorization request.
            return form.ContainsKey("client_secret") || !_documentClients.ContainsKey(clientId) ? null : clientId;
        }
        if (!_clients.TryGetValue(clientId, out var client))
        {
            return null;
        }
        return client.Method switch
        {
            "client_secret_post" when form["client_secret"] == client.Secret => clientId,
            "none" when !form.ContainsKey("client_secret") => clientId,
            _ => null,
        };
    }

    private async Task RegisterAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body) ?? [];
        var method = body["token_endpoint_auth_method"]?.GetValue<string>() ?? "client_secret_basic";
        var id = $"dcr-{Guid.NewGuid():N}";
        var secret = method == "none" ? null : "secret-" + Guid.NewGuid().ToString("N");
        _clients[id] = (secret, method);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["client_id"] = id,
            ["client_secret"] = secret,
            ["token_endpoint_auth_method"] = method,
            ["redirect_uris"] = body["redirect_uris"]?.DeepClone(),
        });
    }

    private static async Task ErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = error, ["error_description"] = $"refused: {error}" });
    }

    private static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
