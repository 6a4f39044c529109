using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth.Tests;

/// <summary>
/// A Client ID Metadata Document served on loopback, as the broker serves its own under the gateway: the URL is the
/// client id. <c>clientIdOverride</c> makes a document that names another client id, which a server must refuse.
/// </summary>
public sealed class ClientDocumentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClientDocumentHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ClientDocumentHost> StartAsync(Uri redirectUri, string? clientIdOverride = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Uri? url = null;
        app.MapGet("/oauth/client-metadata.json", () => Results.Json(new JsonObject
        {
            ["client_id"] = clientIdOverride ?? url!.AbsoluteUri,
            ["client_name"] = "Platform test client",
            ["redirect_uris"] = new JsonArray(redirectUri.AbsoluteUri),
            ["grant_types"] = new JsonArray("authorization_code", "refresh_token"),
            ["response_types"] = new JsonArray("code"),
            ["token_endpoint_auth_method"] = "none",
        }));
        await app.StartAsync();
        url = new Uri(new Uri(app.Urls.Single()), "/oauth/client-metadata.json");
        return new ClientDocumentHost(app, url);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
