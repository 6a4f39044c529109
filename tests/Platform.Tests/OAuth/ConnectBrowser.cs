using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.OAuth;

/// <summary>
/// A person's browser on the platform's own connect pages, by plain HTTP through the gateway (the provider's pages
/// are <see cref="Platform.OAuth.Tests.RealServer.BrowserStandIn"/>'s): it opens the very URLs a person gets, keeps
/// cookies, asks for HTML and never follows redirects.
/// </summary>
public sealed partial class ConnectBrowser(DistributedApplicationFixture platform) : IDisposable
{
    private readonly HttpClient _gateway = Create(platform);

    /// <summary>The link's page (GET): what it connects, with a button, or a page saying why it cannot be used.</summary>
    public async Task<(HttpStatusCode Status, string Html)> OpenAsync(Uri link)
    {
        using var response = await _gateway.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's button (POST): a 303 to the provider, or a page saying why not.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location, string Html)> ContinueAsync(Uri link)
    {
        using var response = await _gateway.PostAsync(link, content: null);
        return (response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The provider sending the browser back to the callback: the page the person sees.</summary>
    public async Task<(HttpStatusCode Status, string Html)> ReturnAsync(Uri callback)
    {
        using var response = await _gateway.GetAsync(callback);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The connect link in an agent's text (the first <c>/connect/</c> URL in it).</summary>
    public static Uri LinkIn(string text) =>
        new(LinkPattern().Match(text) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException($"No connect link in: {text}"));

    public void Dispose() => _gateway.Dispose();

    private static HttpClient Create(DistributedApplicationFixture platform)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = platform.App.GetProxiedEndpoint("gateway"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return http;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/connect/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
