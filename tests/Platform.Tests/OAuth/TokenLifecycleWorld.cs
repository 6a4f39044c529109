using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth.Tests;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.OAuth;

/// <summary>
/// One token lifecycle test's world: the engine tests' authorization server (it counts token requests and
/// revocations, issues tokens of the lifetime the test chooses, and its MCP endpoint refuses expired ones), a tenant
/// whose install <c>test-as</c> authenticates to it with kind <c>oauth</c>, a person who has consented through the
/// broker, and an agent acting for that person.
/// </summary>
public sealed class TokenLifecycleWorld : IAsyncDisposable
{
    public const string EchoTool = "test-as__echo";

    private readonly DistributedApplicationFixture _platform;
    private Guid _install;
    private Guid _identity;

    private TokenLifecycleWorld(DistributedApplicationFixture platform, TestOAuthServer server, TestTenant tenant)
    {
        _platform = platform;
        Server = server;
        Tenant = tenant;
    }

    public TestOAuthServer Server { get; }

    public TestTenant Tenant { get; }

    public Guid CredentialId { get; private set; }

    public string AgentToken { get; private set; } = "";

    public RegistryDatabase BrokerDb => new(_platform.GetConnectionString("brokerdb"));

    public static async Task<TokenLifecycleWorld> ConnectedAsync(DistributedApplicationFixture platform, string prefix, TimeSpan tokenLifetime)
    {
        var server = await TestOAuthServer.StartAsync(new() { TokenLifetime = tokenLifetime, ServerScopesSupported = ["echo", "offline_access"] });
        var registry = new RegistryPlatform(platform);
        var tenant = await registry.CreateTenantAsync(prefix);
        var world = new TokenLifecycleWorld(platform, server, tenant);
        var identity = await tenant.CreateIdentityAsync("person");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Test AS server", kind = "mcp", baseUrl = server.McpUrl.AbsoluteUri }, "definition");
        var method = await tenant.PostAsync("/api/registry/auth-methods", new { definitionId = definition.GetProperty("id").GetGuid(), name = "oauth", kind = "oauth" }, "auth method");
        var install = (await tenant.PostAsync("/api/registry/installs", new { slug = "test-as", authMethodId = method.GetProperty("id").GetGuid() }, "install")).GetProperty("id").GetGuid();
        var (_, agentToken) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("assistant", identity));
        world.AgentToken = agentToken;
        (world._install, world._identity) = (install, identity);
        world.CredentialId = await world.ConnectAsync();
        return world;
    }

    /// <summary>The person's consent (again): this server approves at once. Returns the credential id.</summary>
    public async Task<Guid> ConnectAsync()
    {
        using var broker = _platform.CreateHttpClient("oauth-broker");
        broker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", new RegistryPlatform(_platform).ServiceKey("mcp-edge"));
        using var started = await broker.PostAsJsonAsync("/internal/oauth/authorizations", new { tenantId = Tenant.Id, installId = _install, identityId = _identity });
        var url = new Uri((await Api.ReadAsync(started, "start")).GetProperty("authorizationUrl").GetString()!);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        using var gateway = _platform.CreateHttpClient("gateway");
        using var completed = await gateway.GetAsync(redirect.Headers.Location!.PathAndQuery);
        return (await Api.ReadAsync(completed, "callback")).GetProperty("credentialId").GetGuid();
    }

    /// <summary>An MCP client of edge replica <paramref name="replica"/>, or of the gateway when null.</summary>
    public Task<McpClient> AgentAsync(int? replica = null) =>
        replica is { } r ? EdgeClients.ToReplicaAsync(_platform, r, AgentToken) : EdgeClients.ThroughGatewayAsync(_platform, AgentToken);

    public static Task<CallToolResult> EchoAsync(McpClient client, string message) =>
        client.CallToolAsync(EchoTool, new Dictionary<string, object?> { ["message"] = message }).AsTask();

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    public async Task<string> CredentialStatusAsync() =>
        (await Tenant.GetAsync($"/api/registry/credentials/{CredentialId}")).GetProperty("status").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await Server.DisposeAsync();
    }
}
