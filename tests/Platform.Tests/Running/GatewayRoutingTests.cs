using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class GatewayRoutingTests(DistributedApplicationFixture platform)
{
    public static TheoryData<string, string> Routes => new()
    {
        { "/api/registry/about", "integration-registry" },
        { "/oauth/about", "oauth-broker" },
        { "/connect/about", "oauth-broker" },
        { "/mcp/about", "mcp-edge" },
        { "/webhooks/about", "webhook-ingress" },
        { "/api/audit/about", "audit-writer" },
        { "/api/usage/about", "audit-writer" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Gateway_routes_each_prefix_to_its_service(string path, string service)
    {
        using var gateway = platform.CreateHttpClient("gateway");

        var about = await gateway.GetFromJsonAsync<ServiceAbout>(path);

        Assert.NotNull(about);
        Assert.Equal(service, about.Service);
        Assert.False(string.IsNullOrWhiteSpace(about.Version));
    }

    [Fact]
    public async Task Gateway_never_reaches_the_secrets_vault()
    {
        using var vault = platform.CreateHttpClient("secrets-vault");
        using var gateway = platform.CreateHttpClient("gateway");

        var direct = await vault.GetFromJsonAsync<ServiceAbout>("/api/vault/about");
        using var throughGateway = await gateway.GetAsync("/api/vault/about");

        Assert.Equal("secrets-vault", direct?.Service);
        Assert.Equal(HttpStatusCode.NotFound, throughGateway.StatusCode);
    }

    [Fact]
    public async Task Gateway_is_not_told_where_the_secrets_vault_is()
    {
        var names = (await platform.App.GetEnvironmentAsync("gateway")).Select(v => v.Name).ToList();

        Assert.Contains("services__mcp-edge__http__0", names);
        Assert.DoesNotContain(names, n => n.StartsWith("services__secrets-vault__", StringComparison.Ordinal));
        Assert.DoesNotContain("ConnectionStrings__vaultdb", names);
    }

    [Fact]
    public async Task Gateway_spreads_mcp_requests_over_both_edge_replicas()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        var seen = new HashSet<string>();

        // Aspire's address for the edge spreads connections, not requests, over the replicas: concurrent requests
        // make the gateway open several connections.
        for (var round = 0; round < 10 && seen.Count < 2; round++)
        {
            var abouts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => gateway.GetFromJsonAsync<ServiceAbout>("/mcp/about")));
            Assert.All(abouts, about => Assert.Equal("mcp-edge", about?.Service));
            seen.UnionWith(abouts.Select(about => about!.Instance));
        }

        Assert.Equal(new[] { platform.InstanceId("mcp-edge", 0), platform.InstanceId("mcp-edge", 1) }.Order(), seen.Order());
    }

    [Fact]
    public async Task Gateway_refuses_a_body_over_its_limit_and_unknown_paths()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        const int limit = 10 * 1024 * 1024; // Gateway:MaxRequestBodySize in the gateway's appsettings.json

        // Expect: 100-continue lets the gateway answer from the declared length alone, as a well-behaved sender would.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/tenant/route") { Content = new ByteArrayContent(new byte[limit + 1]) };
        request.Headers.ExpectContinue = true;
        using var tooLarge = await gateway.SendAsync(request);
        using var unknown = await gateway.GetAsync("/no-such-route/about");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
