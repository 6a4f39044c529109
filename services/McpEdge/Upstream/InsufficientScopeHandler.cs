using System.Net;
using Platform.OAuth;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Turns an upstream's <c>403</c> with a Bearer <c>insufficient_scope</c> challenge into
/// <see cref="InsufficientScopeException"/> naming the scopes it asks for, wherever the MCP client meets it (the
/// initialize of a session, a listing, a call), so the edge can ask the person for a wider grant instead of treating
/// a valid token as refused.
/// </summary>
public sealed class InsufficientScopeHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden
            && WwwAuthenticateChallenge.From(response.Headers) is { IsInsufficientScope: true } challenge)
        {
            response.Dispose();
            throw new InsufficientScopeException(challenge.Scope);
        }
        return response;
    }
}

/// <summary>The upstream needs a token with more scopes (<see cref="RequiredScope"/>, as its challenge named them, if it did).</summary>
public sealed class InsufficientScopeException(string? requiredScope)
    : HttpRequestException("The upstream needs a wider grant (403 insufficient_scope).", null, HttpStatusCode.Forbidden)
{
    public string? RequiredScope { get; } = requiredScope;
}
