using System.Net.Http.Json;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Connect links from the OAuth broker for the caller's own person: asked for by <c>platform__connect</c> and added to
/// every "connect (again)" answer of an OAuth integration. A link is the person's to open; it never goes into an
/// audit record. When the broker cannot make one, the answer goes without it (the person can still ask again).
/// </summary>
public sealed partial class ConnectLinks(IHttpClientFactory factory, ILogger<ConnectLinks> logger)
{
    public const string OAuthMethod = "oauth";

    /// <summary>Whether a person can connect this source through a link (an install whose auth method is <c>oauth</c>).</summary>
    public static bool Connectable(UpstreamSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == UpstreamSourceKind.Install && source.AuthMethod == OAuthMethod;
    }

    /// <summary>A new link for the caller's person on the source, asking for <paramref name="scope"/> when given.</summary>
    /// <exception cref="HttpRequestException">The broker could not make one.</exception>
    public async Task<ConnectLink> CreateAsync(EdgeCaller caller, UpstreamSource source, string? scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        using var http = factory.CreateClient(BrokerTokens.ClientName);
        using var response = await http.PostAsJsonAsync("/internal/oauth/connect-links", new
        {
            tenantId = caller.TenantId,
            installId = source.Id,
            identityId = caller.SubjectId,
            scope,
            requestedBy = $"agent {caller.AgentName} ({caller.AgentId})",
        }, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ConnectLink>(ct) ?? throw new HttpRequestException("The broker answered no link.");
    }

    /// <summary>The sentence that goes after a "connect (again)" message: the link, or nothing if none could be made.</summary>
    public async Task<string?> SentenceAsync(EdgeCaller caller, UpstreamSource source, string? scope, CancellationToken ct)
    {
        if (!Connectable(source))
        {
            return null;
        }
        try
        {
            var link = await CreateAsync(caller, source, scope, ct);
            return $" Ask your person to open this link to connect it (it works once, until {link.ExpiresAt:u}): {link.Url}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            LogNoLink(logger, source.Namespace, exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No connect link for {Namespace}: the broker could not make one ({Error})")]
    private static partial void LogNoLink(ILogger logger, string @namespace, string error);
}

/// <summary>A link made by the broker: the URL for the person, when it lapses, the integration it connects.</summary>
public sealed record ConnectLink(Uri Url, DateTimeOffset ExpiresAt, string Integration);
