using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Outbound;

namespace Platform.OAuth;

/// <summary>
/// The platform's OAuth client for upstream MCP servers, to the MCP authorization specification (2025-11-25, with
/// what 2025-06-18 and 2025-03-26 servers need). Every request goes through the outbound policy's handler, every step
/// has a timeout, every failure is an <see cref="OAuthException"/> naming the step. The authorization is split in
/// two calls (<see cref="StartAuthorizationAsync"/>, <see cref="CompleteAuthorizationAsync"/>) joined by a stored
/// <c>state</c>, because in the broker the person's browser returns to another request, perhaps another replica.
/// </summary>
public sealed partial class OAuthEngine : IDisposable
{
    private readonly HttpClient _client;
    private readonly OAuthHttp _http;
    private readonly MetadataDiscovery _discovery;
    private readonly ClientRegistrar _registrar;
    private readonly TokenClient _tokens;
    private readonly IAuthorizationStateStore _states;
    private readonly OAuthEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OAuthEngine(
        OutboundPolicy outbound,
        IClientRegistrationStore registrations,
        IAuthorizationStateStore states,
        IOptions<OAuthEngineOptions> options,
        TimeProvider time,
        ILogger<OAuthEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _client = new HttpClient(outbound.CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = _options.MaxResponseBytes,
        };
        _http = new OAuthHttp(_client, _options.StepTimeout);
        _discovery = new MetadataDiscovery(_http, logger);
        _registrar = new ClientRegistrar(_http, registrations, _options.ClientName, logger);
        _tokens = new TokenClient(_http, time);
        _states = states;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Calls the MCP server without a token (an <c>initialize</c> request) and returns its Bearer challenge; null when
    /// it answered without asking for authorization.
    /// </summary>
    public async Task<WwwAuthenticateChallenge?> ChallengeAsync(Uri server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, server)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"platform-oauth","version":"1.0"}}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _http.SendAsync(OAuthSteps.UnauthenticatedRequest, request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            LogNoChallenge(_logger, server, (int)response.StatusCode);
            return null;
        }
        var challenge = WwwAuthenticateChallenge.From(response.Headers) ?? new WwwAuthenticateChallenge(null, null, null);
        LogChallenge(_logger, server, challenge.ResourceMetadata ?? "(none)", challenge.Scope ?? "(none)");
        return challenge;
    }

    /// <summary>
    /// Discovery and client registration for one server: resource metadata, authorization server metadata, the
    /// scopes by the spec's rule, and the client to present. <paramref name="challenge"/> is the server's 401 or 403.
    /// </summary>
    public async Task<OAuthSession> PrepareAsync(Uri server, WwwAuthenticateChallenge? challenge, OAuthClientSettings settings, OAuthGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(settings);
        var found = await _discovery.FindResourceMetadataAsync(server, challenge, cancellationToken).ConfigureAwait(false);
        var authorizationServer = found is { } prm
            ? await _discovery.FindAuthorizationServerAsync(prm.Metadata.AuthorizationServers, cancellationToken).ConfigureAwait(false)
            : await _discovery.LegacyAuthorizationServerAsync(server, cancellationToken).ConfigureAwait(false);
        if (settings.PreRegistered is { } pre)
        {
            authorizationServer = authorizationServer with
            {
                AuthorizationEndpoint = pre.AuthorizationEndpoint ?? authorizationServer.AuthorizationEndpoint,
                TokenEndpoint = pre.TokenEndpoint ?? authorizationServer.TokenEndpoint,
            };
        }
        if (grant == OAuthGrant.AuthorizationCode)
        {
            RequireAuthorizationCodeSupport(authorizationServer);
        }
        var client = await _registrar.ChooseAsync(authorizationServer, settings, grant, cancellationToken).ConfigureAwait(false);
        var session = new OAuthSession
        {
            Server = server,
            Resource = found?.Metadata.Resource ?? ResourceUri.Canonical(server),
            ResourceMetadata = found?.Metadata,
            ResourceMetadataSource = found?.Source,
            AuthorizationServer = authorizationServer,
            Client = client,
            Scope = ScopeSelection.Choose(challenge?.Scope, found?.Metadata.ScopesSupported, settings.ConfiguredScopes),
            Settings = settings,
        };
        LogSession(_logger, server, session.Resource, session.Scope ?? "(none)",
            authorizationServer.AuthorizationEndpoint?.AbsoluteUri ?? "(none)", authorizationServer.TokenEndpoint);
        return session;
    }

    /// <summary>
    /// Starts an authorization code flow with PKCE S256: stores the pending flow under a new <c>state</c>, bound to
    /// <paramref name="binding"/>, and returns the URL for the person's browser. <paramref name="scope"/> replaces
    /// the session's scope (a step-up passes the union).
    /// </summary>
    public async Task<AuthorizationRequest> StartAuthorizationAsync(OAuthSession session, string binding, string? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(binding);
        RequireAuthorizationCodeSupport(session.AuthorizationServer);
        var redirect = ClientRegistrar.RequireRedirect(session.Settings);
        var requested = ScopeSelection.WithPlatformScopes(scope ?? session.Scope, session.AuthorizationServer.ScopesSupported);
        var pending = new PendingAuthorization
        {
            State = Pkce.NewRandom(),
            Binding = binding,
            CodeVerifier = Pkce.NewRandom(),
            RedirectUri = redirect,
            Scope = requested,
            Session = session,
            CreatedAt = _time.GetUtcNow(),
        };
        await _states.SaveAsync(pending, cancellationToken).ConfigureAwait(false);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", session.Client.ClientId),
            new("redirect_uri", redirect.AbsoluteUri),
            new("state", pending.State),
            new("code_challenge", Pkce.Challenge(pending.CodeVerifier)),
            new("code_challenge_method", Pkce.Method),
            new("resource", session.Resource),
        };
        if (requested is not null)
        {
            parameters.Add(new("scope", requested));
        }
        var url = AppendQuery(session.AuthorizationServer.AuthorizationEndpoint!, parameters);
        LogAuthorizationStarted(_logger, session.Server, OAuthHttp.Describe(url), requested ?? "(none)");
        return new AuthorizationRequest(url, pending.State, requested);
    }

    /// <summary>
    /// For a caller without a browser (the probe, automation accounts): requests the authorization URL itself, not
    /// following redirects, and returns the callback URL when the server redirects at once to the redirect URI;
    /// null when a person has to act.
    /// </summary>
    public async Task<Uri?> TryAuthorizeWithoutBrowserAsync(AuthorizationRequest authorization, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(redirectUri);
        using var request = new HttpRequestMessage(HttpMethod.Get, authorization.Url);
        using var response = await _http.SendAsync(OAuthSteps.AuthorizationRequest, request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
        {
            return null;
        }
        var target = location.IsAbsoluteUri ? location : new Uri(authorization.Url, location);
        return string.Equals(target.GetLeftPart(UriPartial.Path), redirectUri.GetLeftPart(UriPartial.Path), StringComparison.Ordinal) ? target : null;
    }

    /// <summary>
    /// Completes a flow from the callback URL: the <c>state</c> must be known, unused, unexpired and bound to
    /// <paramref name="binding"/>; <c>iss</c> must name the issuer (RFC 9207); then the code is exchanged.
    /// </summary>
    public async Task<TokenSet> CompleteAuthorizationAsync(Uri callback, string binding, CancellationToken cancellationToken) =>
        (await CompleteAuthorizationWithSessionAsync(callback, binding, cancellationToken).ConfigureAwait(false)).Tokens;

    /// <summary>
    /// <see cref="CompleteAuthorizationAsync"/>, also returning the session the flow ran in: what a later refresh or
    /// revocation of these tokens starts from.
    /// </summary>
    public async Task<(TokenSet Tokens, OAuthSession Session)> CompleteAuthorizationWithSessionAsync(Uri callback, string binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        const string step = OAuthSteps.AuthorizationResponse;
        var query = ParseQuery(callback.Query);
        var state = query.GetValueOrDefault("state");
        if (string.IsNullOrEmpty(state))
        {
            throw new OAuthException(step, "the callback carries no state.");
        }
        var pending = await _states.TakeAsync(state, cancellationToken).ConfigureAwait(false)
            ?? throw new OAuthException(step, "the state is unknown or was already used.");
        if (_time.GetUtcNow() - pending.CreatedAt > _options.StateLifetime)
        {
            throw new OAuthException(step, $"the authorization expired (it must complete within {_options.StateLifetime.TotalMinutes:0} minutes); start again.");
        }
        if (!string.Equals(pending.Binding, binding, StringComparison.Ordinal))
        {
            throw new OAuthException(step, "the state was issued for another request.");
        }
        var issuer = pending.Session.AuthorizationServer.Issuer;
        var iss = query.GetValueOrDefault("iss");
        if (iss is not null || pending.Session.AuthorizationServer.AuthorizationResponseIssParameterSupported)
        {
            if (iss is null)
            {
                throw new OAuthException(step, $"the callback has no iss, which {issuer} promises (RFC 9207).");
            }
            if (!string.Equals(iss.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal))
            {
                throw new OAuthException(step, $"the callback's iss \"{iss}\" is not the issuer \"{issuer}\" the flow started with; refused (RFC 9207).");
            }
        }
        if (query.GetValueOrDefault("error") is { } error)
        {
            var description = query.GetValueOrDefault("error_description");
            throw new OAuthException(step, $"the authorization server answered {error}{(description is null ? "" : $" ({description})")}.");
        }
        var code = query.GetValueOrDefault("code");
        if (string.IsNullOrEmpty(code))
        {
            throw new OAuthException(step, "the callback carries neither a code nor an error.");
        }
        var tokens = await _tokens.RequestAsync(OAuthSteps.TokenRequest, pending.Session,
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", pending.RedirectUri.AbsoluteUri),
            new("code_verifier", pending.CodeVerifier),
            new("resource", pending.Session.Resource),
        ], pending.Scope, null, cancellationToken).ConfigureAwait(false);
        LogTokens(_logger, pending.Session.Resource, tokens.Scope ?? "(none)", tokens.ExpiresAt, tokens.RefreshToken is not null);
        return (tokens, pending.Session);
    }

    /// <summary>A token for a machine-to-machine upstream: client credentials, same resource and scope rules.</summary>
    public async Task<TokenSet> RequestClientCredentialsAsync(OAuthSession session, string? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Client.TokenEndpointAuthMethod == TokenEndpointAuthMethods.None)
        {
            throw new OAuthException(OAuthSteps.ClientCredentials, $"client {session.Client.ClientId} has no secret; client credentials need one.");
        }
        var requested = scope ?? session.Scope;
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("resource", session.Resource) };
        if (requested is not null)
        {
            form.Add(new("scope", requested));
        }
        var tokens = await _tokens.RequestAsync(OAuthSteps.ClientCredentials, session, form, requested, null, cancellationToken).ConfigureAwait(false);
        LogTokens(_logger, session.Resource, tokens.Scope ?? "(none)", tokens.ExpiresAt, tokens.RefreshToken is not null);
        return tokens;
    }

    /// <summary>
    /// Exchanges a refresh token. <c>resource</c> goes with it unless the auth method turns that off; a rotated
    /// refresh token comes back in the result, else the old one.
    /// </summary>
    public async Task<TokenSet> RefreshAsync(OAuthSession session, string refreshToken, string? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", refreshToken) };
        if (session.Settings.ResourceOnRefresh)
        {
            form.Add(new("resource", session.Resource));
        }
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }
        var tokens = await _tokens.RequestAsync(OAuthSteps.Refresh, session, form, scope, refreshToken, cancellationToken).ConfigureAwait(false);
        LogTokens(_logger, session.Resource, tokens.Scope ?? "(none)", tokens.ExpiresAt, tokens.RefreshToken is not null);
        return tokens;
    }

    /// <summary>Revokes a token (RFC 7009); false when the server publishes no revocation endpoint.</summary>
    public async Task<bool> RevokeAsync(OAuthSession session, string token, string tokenTypeHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (session.AuthorizationServer.RevocationEndpoint is not { } endpoint)
        {
            return false;
        }
        await _tokens.RevokeAsync(session, endpoint, token, tokenTypeHint, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _client.Dispose();

    private static void RequireAuthorizationCodeSupport(AuthorizationServerMetadata server)
    {
        var source = server.Source is { } s ? OAuthHttp.Describe(s) : server.Issuer;
        if (server.AuthorizationEndpoint is null)
        {
            throw new OAuthException(OAuthSteps.AuthorizationServerMetadata, $"{source} has no authorization_endpoint.");
        }
        if (server.CodeChallengeMethodsSupported?.Contains(Pkce.Method, StringComparer.Ordinal) != true)
        {
            throw new OAuthException(OAuthSteps.AuthorizationServerMetadata, $"{source} does not list S256 in code_challenge_methods_supported; the platform requires PKCE with S256.");
        }
    }

    private static Uri AppendQuery(Uri endpoint, List<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var builder = new UriBuilder(endpoint);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{query}" : query;
        return builder.Uri;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            result.TryAdd(name, value);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Server} answered {Status} without a token: no authorization asked")]
    private static partial void LogNoChallenge(ILogger logger, Uri server, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Server} answered 401: resource_metadata {ResourceMetadata}, scope {Scope}")]
    private static partial void LogChallenge(ILogger logger, Uri server, string resourceMetadata, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session for {Server}: resource {Resource}, scopes {Scope}, authorization endpoint {AuthorizationEndpoint}, token endpoint {TokenEndpoint}")]
    private static partial void LogSession(ILogger logger, Uri server, string resource, string scope, string authorizationEndpoint, Uri tokenEndpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization for {Server} started at {AuthorizationEndpoint} with scopes {Scope}")]
    private static partial void LogAuthorizationStarted(ILogger logger, Uri server, string authorizationEndpoint, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token granted for {Resource}: scopes {Scope}, expires {ExpiresAt}, refresh token {HasRefreshToken}")]
    private static partial void LogTokens(ILogger logger, string resource, string scope, DateTimeOffset? expiresAt, bool hasRefreshToken);
}
