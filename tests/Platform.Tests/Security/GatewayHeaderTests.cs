using System.Net;
using System.Text;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.Security;

/// <summary>
/// Found by fuzzing: any request header with a non-ASCII value got 502 from the gateway on every route (its proxy
/// cannot forward such a value). It is the client's mistake: 400 problem details naming the header, on every route.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayHeaderTests(DistributedApplicationFixture platform)
{
    public static TheoryData<string> Paths => new()
    {
        "/mcp",
        "/api/registry/about",
        "/api/audit/about",
        "/webhooks/about",
        "/oauth/about",
        "/nowhere",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_non_ascii_header_value_is_a_400_problem_naming_the_header_never_a_502(string path)
    {
        // HttpClient refuses to send such a value unless told which encoding to use; clients in the wild send UTF-8.
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(platform.App.Endpoints["gateway"].Urls[0]) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Note", "café ☕");

        using var response = await client.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'X-Note'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
