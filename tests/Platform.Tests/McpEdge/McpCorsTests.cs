using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>
/// Browser clients on an allowed origin (in Development the MCP Inspector's, http://localhost:6274) get CORS answers
/// through the gateway; any other origin is refused, preflight or not.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class McpCorsTests(DistributedApplicationFixture platform)
{
    private const string Inspector = "http://localhost:6274";

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_gets_the_transports_rules()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        using var request = Preflight(Inspector);

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Inspector, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("POST", Single(response, "Access-Control-Allow-Methods"));
        var allowed = Single(response, "Access-Control-Allow-Headers").Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("Authorization", allowed);
        Assert.Contains("MCP-Protocol-Version", allowed);
        Assert.Contains("Content-Type", allowed);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"), "bearer tokens only: no credentialed CORS");
    }

    [Fact]
    public async Task A_preflight_from_a_foreign_origin_is_refused_with_403()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        using var request = Preflight("http://attacker.example");

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Answers_to_an_allowed_origin_can_be_read_by_the_page_including_a_401_challenge()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var ok = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"), origin: Inspector);
        var unauthorized = await McpHttp.PostAsync(gateway, token: null, McpHttp.Request("ping"), origin: Inspector);

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(Inspector, ok.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        Assert.Equal(Inspector, unauthorized.Headers["Access-Control-Allow-Origin"]);
        Assert.Contains("WWW-Authenticate", unauthorized.Headers["Access-Control-Expose-Headers"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_an_origin_get_no_cors_headers()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("ping"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/mcp");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version");
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) => Assert.Single(response.Headers.GetValues(header));
}
