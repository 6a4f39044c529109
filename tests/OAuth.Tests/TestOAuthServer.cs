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

/// <summary>
/// An authorization server and an OAuth-protected MCP endpoint on one real Kestrel listener on loopback, in the
/// variant <see cref="TestServerOptions"/> describes. It enforces what a strict server enforces (client
/// authentication by the registered method, PKCE S256, redirect URI, resource equal on authorize and token) and
/// records what it was sent, so tests can assert the engine's requests.
/// </summary>
public sealed class TestOAuthServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestServerOptions _options;
    private readonly ConcurrentDictionary<string, (string? Secret, string Method)> _clients = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _codes = new();
    private readonly ConcurrentDictionary<string, (string Resource, string Scope, DateTimeOffset ExpiresAt)> _accessTokens = new();
    private readonly ConcurrentDictionary<string, (string Resource, string Scope, string ClientId)> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, bool> _documentClients = new();
    private int _stepUps;
    private int _refusedTokens;
    private int _documentFetches;
    private int _revocationRequests;

    private TestOAuthServer(WebApplication app, TestServerOptions options)
    {
        _app = app;
        _options = options;
        if (options.PreRegistered is { } pre)
        {
            _clients[pre.Id] = (pre.Secret, pre.Method);
        }
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri McpUrl => new(BaseUrl, "/mcp");

    public string Issuer => BaseUrl.GetLeftPart(UriPartial.Authority) + _options.IssuerPath;

    public ConcurrentQueue<string> RequestedPaths { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> AuthorizeRequests { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>The tokens revoked (RFC 7009), in order; a revoked token stops working at once.</summary>
    public ConcurrentQueue<string> Revoked { get; } = new();

    /// <summary>While true the revocation endpoint answers 503, as a server that is down for a while.</summary>
    public bool RevocationUnavailable { get; set; }

    /// <summary>Every request to the revocation endpoint, answered or refused.</summary>
    public int RevocationRequests => _revocationRequests;

    /// <summary>MCP requests that carried a token the server refused (unknown, expired or for another resource).</summary>
    public int RefusedTokens => _refusedTokens;

    /// <summary>Token requests with <c>grant_type=refresh_token</c>.</summary>
    public int RefreshRequests => TokenRequests.Count(r => r.GetValueOrDefault("grant_type") == "refresh_token");

    /// <summary>Every access token issued so far stops working now, as at its expiry (the MCP endpoint answers 401).</summary>
    public void ExpireAccessTokens()
    {
        foreach (var (token, granted) in _accessTokens)
        {
            _accessTokens[token] = granted with { ExpiresAt = DateTimeOffset.MinValue };
        }
    }

    /// <summary>Every refresh token issued so far is forgotten, as when the person revokes consent: refreshing answers invalid_grant.</summary>
    public void ForgetRefreshTokens() => _refreshTokens.Clear();

    public int Registrations => _clients.Keys.Count(k => k.StartsWith("dcr-", StringComparison.Ordinal));

    /// <summary>How many times a client's metadata document was fetched from its client id URL.</summary>
    public int DocumentFetches => _documentFetches;

    public static async Task<TestOAuthServer> StartAsync(TestServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestOAuthServer(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public string ResourceMetadataPath => _options.ResourceMetadata switch
    {
        ResourceMetadataPlacement.PathInserted => "/.well-known/oauth-protected-resource/mcp",
        ResourceMetadataPlacement.Root => "/.well-known/oauth-protected-resource",
        ResourceMetadataPlacement.HeaderOnly => "/custom/resource-metadata.json",
        _ => "/nowhere",
    };

    public string ServerMetadataPath => _options.ServerMetadata switch
    {
        ServerMetadataPlacement.OAuthInserted => "/.well-known/oauth-authorization-server" + _options.IssuerPath,
        ServerMetadataPlacement.OpenIdInserted => "/.well-known/openid-configuration" + _options.IssuerPath,
        ServerMetadataPlacement.OpenIdAppended => _options.IssuerPath + "/.well-known/openid-configuration",
        _ => "/nowhere",
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        RequestedPaths.Enqueue(path);
        if (_options.Hanging.Contains(path))
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (_options.Faults.TryGetValue(path, out var fault))
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body);
            return;
        }
        if (path == "/mcp" && HttpMethods.IsPost(context.Request.Method))
        {
            await McpAsync(context);
        }
        else if (path == ResourceMetadataPath && _options.ResourceMetadata != ResourceMetadataPlacement.None)
        {
            await context.Response.WriteAsJsonAsync(ResourceMetadataDocument());
        }
        else if (path == ServerMetadataPath && _options.ServerMetadata != ServerMetadataPlacement.None)
        {
            await context.Response.WriteAsJsonAsync(ServerMetadataDocument());
        }
        else if (path == "/authorize")
        {
            await AuthorizeAsync(context);
        }
        else if (path == "/token" && HttpMethods.IsPost(context.Request.Method))
        {
            await TokenAsync(context);
        }
        else if (path == "/register" && HttpMethods.IsPost(context.Request.Method) && _options.DynamicRegistration)
        {
            await RegisterAsync(context);
        }
        else if (path == "/revoke" && HttpMethods.IsPost(context.Request.Method))
        {
            Interlocked.Increment(ref _revocationRequests);
            if (RevocationUnavailable)
            {
                await ErrorAsync(context, 503, "temporarily_unavailable");
                return;
            }
            var form = await context.Request.ReadFormAsync();
            if (Authenticate(context, form) is null)
            {
                await ErrorAsync(context, 401, "invalid_client");
                return;
            }
            var token = form["token"].ToString();
            Revoked.Enqueue(token);
            _refreshTokens.TryRemove(token, out _);
            _accessTokens.TryRemove(token, out _);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private JsonObject ResourceMetadataDocument()
    {
        var document = new JsonObject
        {
            ["resource"] = _options.ResourceOverride ?? McpUrl.AbsoluteUri,
            ["authorization_servers"] = new JsonArray(Issuer),
        };
        if (_options.ResourceScopesSupported is { } scopes)
        {
            document["scopes_supported"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]);
        }
        return document;
    }

    private JsonObject ServerMetadataDocument()
    {
        var origin = BaseUrl.GetLeftPart(UriPartial.Authority);
        var document = new JsonObject
        {
            ["issuer"] = _options.IssuerOverride ?? Issuer,
            ["authorization_endpoint"] = origin + "/authorize",
            ["token_endpoint"] = origin + "/token",
            ["revocation_endpoint"] = origin + "/revoke",
            ["response_types_supported"] = new JsonArray("code"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray([.. _options.TokenEndpointAuthMethods.Select(s => (JsonNode)s)]),
            ["client_id_metadata_document_supported"] = _options.ClientIdMetadataDocument,
            ["authorization_response_iss_parameter_supported"] = _options.IssParameter,
        };
        if (_options.DynamicRegistration)
        {
            document["registration_endpoint"] = origin + "/register";
        }
        if (_options.CodeChallengeMethods is { } methods)
        {
            document["code_challenge_methods_supported"] = new JsonArray([.. methods.Select(s => (JsonNode)s)]);
        }
        if (_options.ServerScopesSupported is { } scopes)
        {
            document["scopes_supported"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]);
        }
        return document;
    }

    private async Task McpAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is null || !_accessTokens.TryGetValue(token, out var granted) || granted.Resource != ResourceUri.Canonical(McpUrl)
            || granted.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            if (token is not null)
            {
                Interlocked.Increment(ref _refusedTokens);
            }
            var parameters = new List<string>();
            if (_options.ResourceMetadataInHeader || _options.ResourceMetadata == ResourceMetadataPlacement.HeaderOnly)
            {
                parameters.Add($"resource_metadata=\"{new Uri(BaseUrl, ResourceMetadataPath).AbsoluteUri}\"");
            }
            if (_options.ChallengeScope is { } scope)
            {
                parameters.Add($"scope=\"{scope}\"");
            }
            if (token is not null)
            {
                parameters.Add("error=\"invalid_token\"");
            }
            context.Response.Headers.WWWAuthenticate = parameters.Count == 0 ? "Bearer" : "Bearer " + string.Join(", ", parameters);
            context.Response.StatusCode = 401;
            return;
        }
        var held = granted.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var needed = _options.EndlessStepUp ? $"extra{Interlocked.Increment(ref _stepUps)}" : _options.RequiredScope;
        if (needed is not null && !held.Contains(needed))
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{needed}\"";
            context.Response.StatusCode = 403;
            return;
        }
        await AnswerMcpAsync(context);
    }

    /// <summary>Just enough of MCP's Streamable HTTP (JSON answers, no session) for a client to list and call a tool.</summary>
    private static async Task AnswerMcpAsync(HttpContext context)
    {
        var message = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        var method = message?["method"]?.GetValue<string>();
        if (message?["id"] is not { } id)
        {
            context.Response.StatusCode = 202;
            return;
        }
        if (method is not ("initialize" or "tools/list" or "tools/call"))
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id.DeepClone(),
                ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found" },
            });
            return;
        }
        JsonObject result = method switch
        {
            "initialize" => new JsonObject
            {
                ["protocolVersion"] = message["params"]?["protocolVersion"]?.DeepClone() ?? "2025-06-18",
                ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                ["serverInfo"] = new JsonObject { ["name"] = "test-oauth-server", ["version"] = "1.0" },
            },
            "tools/list" => new JsonObject
            {
                ["tools"] = new JsonArray(new JsonObject { ["name"] = "echo", ["inputSchema"] = new JsonObject { ["type"] = "object" } }),
            },
            "tools/call" => new JsonObject
            {
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "echo: " + message["params"]?["arguments"]?["message"]?.ToString() }),
            },
            _ => [],
        };
        await context.Response.WriteAsJsonAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
    }

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
