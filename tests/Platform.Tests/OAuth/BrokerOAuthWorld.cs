using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.OAuth.Tests.RealServer;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.OAuth;

/// <summary>
/// One test's OAuth world: a fresh oidc-provider (so its registrations are this test's alone), a protected MCP
/// server trusting it, and a tenant whose install of that server authenticates with kind <c>oauth</c>; plus the
/// broker's internal API as the edge calls it and brokerdb read straight from PostgreSQL.
/// </summary>
public sealed class BrokerOAuthWorld : IAsyncDisposable
{
    private readonly DistributedApplicationFixture _platform;

    private BrokerOAuthWorld(DistributedApplicationFixture platform, OidcProviderServer provider, ProtectedMcpServer mcp, TestTenant tenant)
    {
        _platform = platform;
        Provider = provider;
        Mcp = mcp;
        Tenant = tenant;
        Registry = new RegistryPlatform(platform);
        BrokerDb = new RegistryDatabase(platform.GetConnectionString("brokerdb"));
    }

    public OidcProviderServer Provider { get; }

    public ProtectedMcpServer Mcp { get; }

    public TestTenant Tenant { get; }

    public RegistryPlatform Registry { get; }

    public RegistryDatabase BrokerDb { get; }

    public Guid IdentityId { get; private set; }

    public Guid InstallId { get; private set; }

    /// <summary>
    /// The world; <paramref name="scopesSupported"/> is what the MCP server's resource metadata offers (by default
    /// every scope it needs, so a first consent grants them; fewer make it answer 403 insufficient_scope).
    /// </summary>
    public static async Task<BrokerOAuthWorld> CreateAsync(DistributedApplicationFixture platform, string prefix, string[]? scopesSupported = null)
    {
        var provider = await OidcProviderServer.StartAsync();
        var mcp = await ProtectedMcpServer.StartAsync(provider.Issuer, scopesSupported ?? ["tools:read", ProtectedMcpServer.RequiredScope]);
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync(prefix);
        var world = new BrokerOAuthWorld(platform, provider, mcp, tenant);
        world.IdentityId = await tenant.CreateIdentityAsync("person");
        world.InstallId = await world.CreateOAuthInstallAsync("upstream", mcp.McpUrl.AbsoluteUri);
        return world;
    }

    /// <summary>A definition at <paramref name="baseUrl"/>, an <c>oauth</c> auth method without a client, and an install.</summary>
    public async Task<Guid> CreateOAuthInstallAsync(string slug, string baseUrl)
    {
        var definition = await Tenant.PostAsync("/api/registry/definitions", new { name = $"Protected {slug}", kind = "mcp", baseUrl }, "definition");
        var method = await Tenant.PostAsync("/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = $"oauth {slug}", kind = "oauth" }, "auth method");
        var install = await Tenant.PostAsync("/api/registry/installs", new { slug, authMethodId = method.GetProperty("id").GetGuid() }, "install");
        return install.GetProperty("id").GetGuid();
    }

    /// <summary>One broker replica, presenting the edge's service key (the internal API is not routed by the gateway).</summary>
    public HttpClient Broker(int replica = 0)
    {
        var http = _platform.CreateHttpClient("oauth-broker", replica);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", Registry.ServiceKey("mcp-edge"));
        return http;
    }

    public async Task<HttpResponseMessage> StartAsync(Guid? installId = null, int replica = 0)
    {
        using var broker = Broker(replica);
        return await broker.PostAsJsonAsync("/internal/oauth/authorizations", new { tenantId = Tenant.Id, installId = installId ?? InstallId, identityId = IdentityId });
    }

    /// <summary>Starts an authorization and returns its URL (failing with the broker's answer otherwise).</summary>
    public async Task<Uri> StartedUrlAsync()
    {
        using var response = await StartAsync();
        var started = await Api.ReadAsync(response, "start authorization");
        return new Uri(started.GetProperty("authorizationUrl").GetString()!);
    }

    /// <summary>The person approves at oidc-provider's pages; the redirect to the broker's callback comes back.</summary>
    public static Task<Uri> ApproveAsync(Uri authorizationUrl) =>
        BrowserStandIn.ApproveAsync(authorizationUrl, new Uri(Query(authorizationUrl)["redirect_uri"]));

    /// <summary>The browser arriving at the callback through the gateway, as it does in a deployment.</summary>
    public async Task<HttpResponseMessage> CallbackAsync(Uri callback)
    {
        using var gateway = _platform.CreateHttpClient("gateway");
        return await gateway.GetAsync(callback.PathAndQuery);
    }

    public static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await Mcp.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
