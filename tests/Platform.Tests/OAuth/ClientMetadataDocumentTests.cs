using System.Net;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.OAuth;

/// <summary>
/// The Client ID Metadata Document the broker publishes under the gateway: an authorization server fetching the
/// client id URL must find a document whose <c>client_id</c> is that very URL, a public client with PKCE, and the
/// broker's callback under the same public base as its only redirect URI.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientMetadataDocumentTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task The_document_names_its_own_url_as_client_id_and_the_callback_under_the_gateway()
    {
        // Fetched where an authorization server fetches it: the gateway's public address (OAuthBroker:PublicBaseUrl).
        using var gateway = platform.CreateHttpClient("gateway");
        var publicBase = platform.App.GetProxiedEndpoint("gateway");
        var url = new Uri(publicBase, "/oauth/client-metadata.json");

        using var response = await gateway.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(url.AbsoluteUri, document.GetProperty("client_id").GetString());
        Assert.Equal([new Uri(publicBase, "/oauth/callback").AbsoluteUri], document.GetProperty("redirect_uris").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("none", document.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["authorization_code", "refresh_token"], document.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("client_name").GetString()));
    }
}
