using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Platform.OAuthBroker.Apis;

/// <summary>
/// The platform's Client ID Metadata Document: an authorization server that supports CIMD fetches this URL, which
/// is also the client id the broker presents, instead of a registration. It describes a public client (PKCE, no
/// secret) whose only redirect URI is the broker's callback under the gateway.
/// </summary>
public static class ClientMetadataApi
{
    public const string Path = "/oauth/client-metadata.json";
    public const string CallbackPath = "/oauth/callback";

    public static RouteHandlerBuilder MapClientMetadataApi(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, GetClientMetadata).WithName("ClientMetadataDocument");

    public static IResult GetClientMetadata(HttpContext context, IOptions<OAuthBrokerOptions> options)
    {
        var settings = options.Value;
        var baseUrl = PublicBase.Of(context, settings).AbsoluteUri.TrimEnd('/');
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(new ClientMetadataDocument(
            ClientId: baseUrl + Path,
            ClientName: settings.ClientName,
            ClientUri: baseUrl + "/",
            RedirectUris: [baseUrl + CallbackPath],
            GrantTypes: ["authorization_code", "refresh_token"],
            ResponseTypes: ["code"],
            TokenEndpointAuthMethod: "none"));
    }

    public sealed record ClientMetadataDocument(
        [property: JsonPropertyName("client_id")] string ClientId,
        [property: JsonPropertyName("client_name")] string ClientName,
        [property: JsonPropertyName("client_uri")] string ClientUri,
        [property: JsonPropertyName("redirect_uris")] string[] RedirectUris,
        [property: JsonPropertyName("grant_types")] string[] GrantTypes,
        [property: JsonPropertyName("response_types")] string[] ResponseTypes,
        [property: JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod);
}
