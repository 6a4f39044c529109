using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// One tenant for the edge's tests, made once per platform: an identity, the calling agent and its token, real
/// upstream MCP servers in this process, and installs of them through the registry's admin API —
/// <c>alpha</c> (auth none, <c>admin_delete</c> denied, 2 s timeout), <c>beta</c> (static bearer from the vault),
/// <c>bulk</c> (150 tools), <c>down</c> (nothing listens), <c>unconnected</c> (static, no credential), and another
/// agent, <c>helper</c>, with its own MCP endpoint, which lists the calling agent as allowed to call it.
/// </summary>
public sealed class EdgeWorld
{
    public const int AlphaTimeoutSeconds = 2;

    private static readonly ConcurrentDictionary<string, Lazy<Task<EdgeWorld>>> Worlds = new();

    private EdgeWorld(RegistryPlatform registry, TestTenant tenant)
    {
        Registry = registry;
        Tenant = tenant;
    }

    public RegistryPlatform Registry { get; }

    public TestTenant Tenant { get; }

    public Guid SubjectId { get; private set; }

    public Guid AgentId { get; private set; }

    public Guid TokenId { get; private set; }

    public string AgentToken { get; private set; } = "";

    public TestUpstream Alpha { get; private set; } = null!;

    public TestUpstream Beta { get; private set; } = null!;

    public string BetaToken { get; } = "beta-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Guid AlphaInstallId { get; private set; }

    public Guid BetaInstallId { get; private set; }

    public static Task<EdgeWorld> GetAsync(DistributedApplicationFixture platform) =>
        Worlds.GetOrAdd(platform.App.DataDirectory, _ => new Lazy<Task<EdgeWorld>>(() => CreateAsync(platform))).Value;

    /// <summary>An install of a new definition at <paramref name="baseUrl"/>; auth <c>none</c> unless a static header is given.</summary>
    public static async Task<Guid> CreateInstallAsync(
        TestTenant tenant, string slug, Uri baseUrl, string? staticHeader = null, string[]? denied = null, string[]? allowed = null, int timeoutSeconds = 30)
    {
        var definition = await tenant.PostAsync("/api/registry/definitions",
            new { name = $"{char.ToUpperInvariant(slug[0])}{slug[1..]} MCP", kind = "mcp", baseUrl = baseUrl.ToString() }, "create definition");
        var method = await tenant.PostAsync("/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = $"{slug} auth", kind = staticHeader is null ? "none" : "static", headerName = staticHeader },
            "create auth method");
        var install = await tenant.PostAsync("/api/registry/installs",
            new
            {
                slug,
                authMethodId = method.GetProperty("id").GetGuid(),
                allowedTools = allowed ?? [],
                deniedTools = denied ?? [],
                callTimeoutSeconds = timeoutSeconds,
            },
            "create install");
        return install.GetProperty("id").GetGuid();
    }

    /// <summary>Replaces the list of agents that may call <paramref name="agentId"/> as tools.</summary>
    public static async Task AllowCallersAsync(TestTenant tenant, Guid agentId, params Guid[] callerIds)
    {
        using var response = await tenant.Admin.PutAsJsonAsync($"/api/registry/agents/{agentId}/callers", new { agentIds = callerIds });
        await Api.ReadAsync(response, "allow callers");
    }

    private static async Task<EdgeWorld> CreateAsync(DistributedApplicationFixture platform)
    {
        var registry = new RegistryPlatform(platform);
        var world = new EdgeWorld(registry, await registry.CreateTenantAsync("edge"));
        var tenant = world.Tenant;
        world.SubjectId = await tenant.CreateIdentityAsync("owner");
        world.AgentId = await tenant.CreateAgentAsync("caller", world.SubjectId);
        (world.TokenId, world.AgentToken) = await tenant.IssueTokenAsync(world.AgentId);

        world.Alpha = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        world.Beta = await TestUpstream.StartAsync(UpstreamServers.Beta, world.BetaToken);
        var bulk = await TestUpstream.StartAsync(UpstreamServers.Bulk);
        var helper = await TestUpstream.StartAsync(UpstreamServers.HelperAgent);

        world.AlphaInstallId = await CreateInstallAsync(tenant, "alpha", world.Alpha.Endpoint, denied: ["admin_delete"], timeoutSeconds: AlphaTimeoutSeconds);
        world.BetaInstallId = await CreateInstallAsync(tenant, "beta", world.Beta.Endpoint, staticHeader: "Authorization");
        await tenant.CreateCredentialAsync(world.BetaInstallId, world.SubjectId, world.BetaToken);
        await CreateInstallAsync(tenant, "bulk", bulk.Endpoint);
        await CreateInstallAsync(tenant, "down", TestUpstream.NothingListening());
        await CreateInstallAsync(tenant, "unconnected", world.Beta.Endpoint, staticHeader: "X-API-Key");
        var helperAgent = await tenant.CreateAgentAsync("helper", world.SubjectId, helper.Endpoint.ToString());
        await AllowCallersAsync(tenant, helperAgent, world.AgentId);
        return world;
    }
}
