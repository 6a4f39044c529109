using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.Security.Fuzz;

/// <summary>
/// The tenant the fuzzer works in: an identity, its agent and token, an install <c>fz</c> of a real upstream
/// (auth none: tools, resources, prompts), a static install for credentials, a definition and auth method to hang
/// inputs on, a Space and a webhook route into it.
/// </summary>
public sealed class FuzzWorld : IAsyncDisposable
{
    private FuzzWorld(TestTenant tenant, TestUpstream upstream)
    {
        Tenant = tenant;
        Upstream = upstream;
    }

    public TestTenant Tenant { get; }

    public TestUpstream Upstream { get; }

    public string AdminKey => Tenant.AdminKey;

    public string AgentToken { get; private set; } = "";

    public Guid IdentityId { get; private set; }

    public Guid AgentId { get; private set; }

    public Guid DefinitionId { get; private set; }

    public Guid AuthMethodId { get; private set; }

    public Guid KeyedInstallId { get; private set; }

    public Guid SpaceId { get; private set; }

    public Guid RouteId { get; private set; }

    public string RoutePath { get; private set; } = "";

    public string RouteSecret { get; } = "fuzz-route-secret-" + Guid.NewGuid().ToString("N");

    public static readonly string[] ToolNames = ["fz__echo", "fz__weather", "fz__lookup", "fz__fail", "fz__explode", "fz__image", "fz__resource", "fz__admin_delete", "fz__nope"];

    public static readonly string[] ResourceUris = ["fz+memo://notes/1", "fz+memo://notes/2", "memo://notes/1", "fz+memo://../../x", "nope+memo://x"];

    public static readonly string[] PromptNames = ["fz__greet", "fz__nope", "greet"];

    public static async Task<FuzzWorld> CreateAsync(RegistryPlatform registry)
    {
        var world = new FuzzWorld(await registry.CreateTenantAsync("fz"), await TestUpstream.StartAsync(UpstreamServers.Alpha));
        var tenant = world.Tenant;
        world.IdentityId = await tenant.CreateIdentityAsync("fuzz-owner");
        world.AgentId = await tenant.CreateAgentAsync("fuzzer", world.IdentityId);
        world.AgentToken = (await tenant.IssueTokenAsync(world.AgentId)).Token;
        await EdgeWorld.CreateInstallAsync(tenant, "fz", world.Upstream.Endpoint, denied: ["admin_delete"]);
        var keyed = await tenant.CreateStaticInstallAsync("keyed");
        (world.DefinitionId, world.AuthMethodId, world.KeyedInstallId) = (keyed.DefinitionId, keyed.AuthMethodId, keyed.InstallId);
        world.SpaceId = await tenant.CreateSpaceAsync("fuzz-inbox");
        var route = await tenant.PostAsync("/api/webhooks/routes", new { slug = "fuzz", scheme = "hmac-sha256", secret = world.RouteSecret, spaceId = world.SpaceId }, "create route");
        world.RouteId = route.GetProperty("route").GetProperty("id").GetGuid();
        world.RoutePath = route.GetProperty("route").GetProperty("path").GetString()!;
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await Upstream.DisposeAsync();
    }
}
