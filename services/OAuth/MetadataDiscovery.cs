using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth;

/// <summary>
/// Protected Resource Metadata (RFC 9728) and authorization server metadata (RFC 8414, OpenID discovery) at the
/// places the MCP authorization spec lists, in its order. A place that answers "not found" leads to the next; any
/// other failure (a 5xx, HTML, malformed JSON, a timeout, the outbound policy) stops discovery with its reason.
/// </summary>
internal sealed partial class MetadataDiscovery(OAuthHttp http, ILogger logger)
{
    public async Task<(ProtectedResourceMetadata Metadata, Uri Source)?> FindResourceMetadataAsync(
        Uri server, WwwAuthenticateChallenge? challenge, CancellationToken cancellationToken)
    {
        const string step = OAuthSteps.ProtectedResourceMetadata;
        IReadOnlyList<Uri> candidates;
        if (challenge?.ResourceMetadata is { Length: > 0 } header)
        {
            if (!Uri.TryCreate(header, UriKind.Absolute, out var fromHeader) || (fromHeader.Scheme != Uri.UriSchemeHttps && fromHeader.Scheme != Uri.UriSchemeHttp))
            {
                throw new OAuthException(step, $"the challenge's resource_metadata \"{header}\" is not an http(s) URL.");
            }
            candidates = [fromHeader];
        }
        else
        {
            candidates = ResourceMetadataUrls(server);
        }
        foreach (var candidate in candidates)
        {
            if (await TryGetObjectAsync(step, candidate, cancellationToken).ConfigureAwait(false) is not { } json)
            {
                continue;
            }
            var metadata = ParseResourceMetadata(json, candidate, server);
            LogResourceMetadata(logger, server, candidate, metadata.Resource, string.Join(", ", metadata.AuthorizationServers));
            return (metadata, candidate);
        }
        if (challenge?.ResourceMetadata is { Length: > 0 })
        {
            throw new OAuthException(step, $"{OAuthHttp.Describe(candidates[0])}, named by the server's challenge, was not found.");
        }
        return null;
    }

    public async Task<AuthorizationServerMetadata> FindAuthorizationServerAsync(IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        const string step = OAuthSteps.AuthorizationServerMetadata;
        var tried = new List<string>();
        foreach (var issuerText in issuers)
        {
            if (!Uri.TryCreate(issuerText, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
            {
                tried.Add($"\"{issuerText}\" (not an http(s) URL)");
                continue;
            }
            foreach (var candidate in AuthorizationServerMetadataUrls(issuer))
            {
                tried.Add(OAuthHttp.Describe(candidate));
                if (await TryGetObjectAsync(step, candidate, cancellationToken).ConfigureAwait(false) is { } json)
                {
                    var metadata = ParseAuthorizationServerMetadata(json, candidate, issuerText);
                    LogAuthorizationServerMetadata(logger, issuerText, candidate);
                    return metadata;
                }
            }
        }
        throw new OAuthException(step, $"no authorization server metadata found (tried {string.Join(", ", tried)}).");
    }

    /// <summary>2025-03-26: the authorization server is the MCP server's origin; its metadata there, else the default endpoints.</summary>
    public async Task<AuthorizationServerMetadata> LegacyAuthorizationServerAsync(Uri server, CancellationToken cancellationToken)
    {
        var origin = server.GetLeftPart(UriPartial.Authority);
        var candidate = new Uri($"{origin}/.well-known/oauth-authorization-server");
        LogLegacyFallback(logger, server, origin);
        if (await TryGetObjectAsync(OAuthSteps.AuthorizationServerMetadata, candidate, cancellationToken).ConfigureAwait(false) is { } json)
        {
            var metadata = ParseAuthorizationServerMetadata(json, candidate, origin);
            LogAuthorizationServerMetadata(logger, origin, candidate);
            return metadata;
        }
        LogDefaultEndpoints(logger, origin);
        return new AuthorizationServerMetadata
        {
            Issuer = origin,
            AuthorizationEndpoint = new Uri($"{origin}/authorize"),
            TokenEndpoint = new Uri($"{origin}/token"),
            RegistrationEndpoint = new Uri($"{origin}/register"),
            // The 2025-03-26 revision makes PKCE mandatory for its servers, so S256 is assumed rather than listed.
            CodeChallengeMethodsSupported = [Pkce.Method],
        };
    }

    public static IReadOnlyList<Uri> ResourceMetadataUrls(Uri server)
    {
        var origin = server.GetLeftPart(UriPartial.Authority);
        var path = server.AbsolutePath.TrimEnd('/');
        return path.Length == 0
            ? [new Uri($"{origin}/.well-known/oauth-protected-resource")]
            : [new Uri($"{origin}/.well-known/oauth-protected-resource{path}"), new Uri($"{origin}/.well-known/oauth-protected-resource")];
    }

    public static IReadOnlyList<Uri> AuthorizationServerMetadataUrls(Uri issuer)
    {
        var origin = issuer.GetLeftPart(UriPartial.Authority);
        var path = issuer.AbsolutePath.TrimEnd('/');
        return path.Length == 0
            ? [new Uri($"{origin}/.well-known/oauth-authorization-server"), new Uri($"{origin}/.well-known/openid-configuration")]
            :
            [
                new Uri($"{origin}/.well-known/oauth-authorization-server{path}"),
                new Uri($"{origin}/.well-known/openid-configuration{path}"),
                new Uri($"{origin}{path}/.well-known/openid-configuration"),
            ];
    }

    /// <summary>The JSON object at the URL, or null when the server says it is not there (a 4xx other than 429).</summary>
    private async Task<JsonElement?> TryGetObjectAsync(string step, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(step, request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            LogNotFound(logger, OAuthHttp.Describe(url), status);
            return null;
        }
        return await OAuthHttp.ReadJsonObjectAsync(step, response, cancellationToken).ConfigureAwait(false);
    }

    private static ProtectedResourceMetadata ParseResourceMetadata(JsonElement json, Uri source, Uri server)
    {
        const string step = OAuthSteps.ProtectedResourceMetadata;
        var url = OAuthHttp.Describe(source);
        var resource = OAuthJson.String(json, "resource") ?? throw new OAuthException(step, $"{url} has no resource.");
        if (!ResourceUri.Covers(resource, server))
        {
            throw new OAuthException(step, $"{url} describes resource \"{resource}\", not the server called ({ResourceUri.Canonical(server)}).");
        }
        var servers = OAuthJson.Strings(json, "authorization_servers");
        if (servers is not { Count: > 0 })
        {
            throw new OAuthException(step, $"{url} names no authorization_servers.");
        }
        return new ProtectedResourceMetadata(resource, servers, OAuthJson.Strings(json, "scopes_supported"));
    }

    private static AuthorizationServerMetadata ParseAuthorizationServerMetadata(JsonElement json, Uri source, string expectedIssuer)
    {
        const string step = OAuthSteps.AuthorizationServerMetadata;
        var url = OAuthHttp.Describe(source);
        var issuer = OAuthJson.String(json, "issuer") ?? throw new OAuthException(step, $"{url} has no issuer.");
        // RFC 8414 section 3.3: the issuer must be the one asked for, or the metadata may be an attacker's.
        if (!string.Equals(issuer.TrimEnd('/'), expectedIssuer.TrimEnd('/'), StringComparison.Ordinal))
        {
            throw new OAuthException(step, $"{url} gives issuer \"{issuer}\", not \"{expectedIssuer}\"; refused.");
        }
        return new AuthorizationServerMetadata
        {
            Issuer = issuer,
            AuthorizationEndpoint = OAuthJson.Url(json, "authorization_endpoint", step, url),
            TokenEndpoint = OAuthJson.Url(json, "token_endpoint", step, url) ?? throw new OAuthException(step, $"{url} has no token_endpoint."),
            RegistrationEndpoint = OAuthJson.Url(json, "registration_endpoint", step, url),
            RevocationEndpoint = OAuthJson.Url(json, "revocation_endpoint", step, url),
            ScopesSupported = OAuthJson.Strings(json, "scopes_supported"),
            CodeChallengeMethodsSupported = OAuthJson.Strings(json, "code_challenge_methods_supported"),
            TokenEndpointAuthMethodsSupported = OAuthJson.Strings(json, "token_endpoint_auth_methods_supported"),
            ClientIdMetadataDocumentSupported = OAuthJson.Bool(json, "client_id_metadata_document_supported"),
            AuthorizationResponseIssParameterSupported = OAuthJson.Bool(json, "authorization_response_iss_parameter_supported"),
            Source = source,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Protected resource metadata for {Server} found at {Url}: resource {Resource}, authorization servers {AuthorizationServers}")]
    private static partial void LogResourceMetadata(ILogger logger, Uri server, Uri url, string resource, string authorizationServers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorization server metadata for {Issuer} found at {Url}")]
    private static partial void LogAuthorizationServerMetadata(ILogger logger, string issuer, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "No protected resource metadata for {Server}: 2025-03-26 fallback, the authorization server is {Origin}")]
    private static partial void LogLegacyFallback(ILogger logger, Uri server, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "No authorization server metadata at {Origin}: using the default endpoints /authorize, /token, /register")]
    private static partial void LogDefaultEndpoints(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing at {Url} ({Status})")]
    private static partial void LogNotFound(ILogger logger, string url, int status);
}
