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
public sealed partial class TestOAuthServer : IAsyncDisposable
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
}
