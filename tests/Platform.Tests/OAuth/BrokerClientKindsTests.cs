using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.OAuth.Tests;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.OAuth;

/// <summary>
/// The broker presenting the other two kinds of client against the engine tests' authorization server: its own
/// Client ID Metadata Document (which the server fetches from the broker and checks), and an operator's
/// pre-registered client whose secret the registry put in the vault (sent by the method configured, read back
/// from the vault at the token request, never stored by the broker).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrokerClientKindsTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public async Task The_broker_presents_its_metadata_document_to_a_server_supporting_cimd()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ClientIdMetadataDocument = true, DynamicRegistration = false, IssParameter = true });
        using var tenant = await _registry.CreateTenantAsync("broker-cimd");
        var (identity, install) = await CreateInstallAsync(tenant, server, new { });

        var callback = await AuthorizeAsync(tenant, install, identity);
        using var completed = await CallbackAsync(callback);

        var result = await Api.ReadAsync(completed, "callback");
        var clientId = server.AuthorizeRequests.Single()["client_id"];
        Assert.EndsWith("/oauth/client-metadata.json", clientId, StringComparison.Ordinal);
        Assert.Equal(1, server.DocumentFetches);
        Assert.Equal(0, server.Registrations);
        var token = server.TokenRequests.Single();
        Assert.Equal(clientId, token["client_id"]);
        Assert.False(token.ContainsKey("client_secret"));
        await AssertTokenOpensServerAsync(tenant, server, result);
    }

    [Theory]
    [InlineData("client_secret_basic", "Basic", false)]
    [InlineData("client_secret_post", null, true)]
    public async Task A_pre_registered_client_authenticates_with_the_secret_from_the_vault(string method, string? header, bool secretInBody)
    {
        var secret = "pre-" + Guid.NewGuid().ToString("N");
        await using var server = await TestOAuthServer.StartAsync(new() { PreRegistered = ("platform-client", secret, method), DynamicRegistration = false });
        using var tenant = await _registry.CreateTenantAsync("broker-pre");
        var (identity, install) = await CreateInstallAsync(tenant, server, new { clientId = "platform-client", clientSecret = secret, tokenEndpointAuthMethod = method });

        var callback = await AuthorizeAsync(tenant, install, identity);
        using var completed = await CallbackAsync(callback);

        var result = await Api.ReadAsync(completed, "callback");
        var token = server.TokenRequests.Single();
        Assert.Equal(header, token.GetValueOrDefault("(authorization)"));
        Assert.Equal(secretInBody, token.ContainsKey("client_secret"));
        Assert.Equal("platform-client", server.AuthorizeRequests.Single()["client_id"]);
        Assert.False(await new RegistryDatabase(platform.GetConnectionString("brokerdb")).AnyRowContainsAsync("broker", secret));
        await AssertTokenOpensServerAsync(tenant, server, result);
    }

    [Theory]
    [InlineData("http://localhost:{0}/mcp")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/mcp")]
    [InlineData("http://127.0.0.2:{0}/mcp")]
    public async Task The_broker_refuses_a_forbidden_upstream_and_sends_it_nothing(string forbidden)
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var tenant = await _registry.CreateTenantAsync("broker-outbound");
        var (identity, install) = await CreateInstallAsync(tenant, server, new { });
        // As a row saved before the policy existed: the broker must judge the connection itself.
        await new RegistryDatabase(platform.GetConnectionString("registrydb")).ScalarAsync<object>(
            "UPDATE registry.definitions d SET base_url = @url FROM registry.installs i WHERE i.id = @install AND d.id = i.definition_id",
            ("url", string.Format(System.Globalization.CultureInfo.InvariantCulture, forbidden, server.BaseUrl.Port)), ("install", install));
        using var broker = platform.CreateHttpClient("oauth-broker");
        broker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", _registry.ServiceKey("mcp-edge"));

        using var response = await broker.PostAsJsonAsync("/internal/oauth/authorizations", new { tenantId = tenant.Id, installId = install, identityId = identity });

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("unauthenticated request", problem.GetProperty("step").GetString());
        Assert.Contains("outbound policy does not allow it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.RequestedPaths);
    }

    private async Task<(Guid Identity, Guid Install)> CreateInstallAsync(TestTenant tenant, TestOAuthServer server, object client)
    {
        var identity = await tenant.CreateIdentityAsync("person");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Test AS server", kind = "mcp", baseUrl = server.McpUrl.AbsoluteUri }, "definition");
        var fields = System.Text.Json.JsonSerializer.SerializeToNode(client)!.AsObject();
        fields["definitionId"] = definition.GetProperty("id").GetGuid();
        fields["name"] = "oauth";
        fields["kind"] = "oauth";
        var method = await tenant.PostAsync("/api/registry/auth-methods", fields, "auth method");
        var install = await tenant.PostAsync("/api/registry/installs", new { slug = "test-as", authMethodId = method.GetProperty("id").GetGuid() }, "install");
        return (identity, install.GetProperty("id").GetGuid());
    }

    /// <summary>Starts through the broker's internal API and follows the test server's immediate redirect back.</summary>
    private async Task<Uri> AuthorizeAsync(TestTenant tenant, Guid install, Guid identity)
    {
        using var broker = platform.CreateHttpClient("oauth-broker");
        broker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", _registry.ServiceKey("mcp-edge"));
        using var started = await broker.PostAsJsonAsync("/internal/oauth/authorizations", new { tenantId = tenant.Id, installId = install, identityId = identity });
        var url = new Uri((await Api.ReadAsync(started, "start")).GetProperty("authorizationUrl").GetString()!);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return redirect.Headers.Location!;
    }

    private async Task<HttpResponseMessage> CallbackAsync(Uri callback)
    {
        using var gateway = platform.CreateHttpClient("gateway");
        return await gateway.GetAsync(callback.PathAndQuery);
    }

    private async Task AssertTokenOpensServerAsync(TestTenant tenant, TestOAuthServer server, System.Text.Json.JsonElement result)
    {
        var accessToken = await new VaultAccess(platform.App).Client("mcp-edge")
            .ResolveAsync(tenant.Id, result.GetProperty("accessTokenSecretId").GetGuid(), CancellationToken.None);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
