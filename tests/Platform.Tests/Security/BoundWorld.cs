using System.Security.Cryptography;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.Security;

/// <summary>
/// One tenant's static install (header <c>Authorization</c>) on an upstream of its own, an identity and its agent:
/// enough to see whether a credential's secret reaches the upstream. Slugs and names are fresh, so the same tenant
/// can hold several.
/// </summary>
public sealed class BoundWorld : IAsyncDisposable
{
    private readonly RegistryPlatform _registry;

    private BoundWorld(RegistryPlatform registry, TestTenant tenant, TestUpstream upstream, string installSlug)
    {
        _registry = registry;
        Tenant = tenant;
        Upstream = upstream;
        InstallSlug = installSlug;
    }

    public TestTenant Tenant { get; }

    public TestUpstream Upstream { get; }

    public string InstallSlug { get; }

    public Guid Install { get; private set; }

    public Guid Subject { get; private set; }

    public string Token { get; private set; } = "";

    public static async Task<BoundWorld> CreateAsync(RegistryPlatform registry, TestTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var world = new BoundWorld(registry, tenant, await TestUpstream.StartAsync(UpstreamServers.Beta), $"bound-{suffix}");
        world.Install = await EdgeWorld.CreateInstallAsync(tenant, world.InstallSlug, world.Upstream.Endpoint, staticHeader: "Authorization");
        world.Subject = await tenant.CreateIdentityAsync($"person-{suffix}");
        var agent = await tenant.CreateAgentAsync($"agent-{suffix}", world.Subject);
        world.Token = (await tenant.IssueTokenAsync(agent)).Token;
        return world;
    }

    /// <summary>A credential holding <paramref name="apiKey"/>; returns its vault handle as the edge sees it.</summary>
    public async Task<Guid> ConnectAsync(string apiKey)
    {
        await Tenant.CreateCredentialAsync(Install, Subject, apiKey);
        var resolution = await _registry.Client("mcp-edge").ResolveCredentialAsync(Tenant.Id, Install, Subject, CancellationToken.None)
            ?? throw new InvalidOperationException("The registry does not resolve the credential just created.");
        return resolution.SecretHandles["api-key"];
    }

    /// <summary>The agent calls the install's <c>echo</c> tool through the gateway.</summary>
    public async Task<McpHttpResponse> CallAsync(DistributedApplicationFixture platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        return await McpHttp.PostAsync(gateway, Token, McpHttp.Request("tools/call", new { name = $"{InstallSlug}__echo", arguments = new { text = "hi" } }));
    }

    public async ValueTask DisposeAsync()
    {
        Tenant.Dispose();
        await Upstream.DisposeAsync();
    }
}
