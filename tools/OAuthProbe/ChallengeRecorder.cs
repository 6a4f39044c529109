using System.Net;
using Platform.OAuth;

namespace Platform.OAuthProbe;

/// <summary>Keeps the Bearer challenge of the MCP server's last 401 or 403, which the SDK's client does not surface.</summary>
internal sealed class ChallengeRecorder : DelegatingHandler
{
    public WwwAuthenticateChallenge? Last { get; private set; }

    public HttpStatusCode? LastStatus { get; private set; }

    public void Reset()
    {
        Last = null;
        LastStatus = null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            LastStatus = response.StatusCode;
            Last = WwwAuthenticateChallenge.From(response.Headers);
        }
        return response;
    }
}
