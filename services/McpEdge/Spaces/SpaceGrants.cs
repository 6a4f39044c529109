using Platform.IntegrationRegistry.Client;
using Platform.McpEdge.Caching;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Spaces;

/// <summary>
/// The Spaces an agent may read, from the registry, cached per agent for <see cref="Lifetime"/> at most: a grant
/// given, changed or revoked (<c>SpaceGrantsChanged</c>) drops the agent's entry on every replica at once.
/// </summary>
public sealed class SpaceGrants(PlatformClients clients, TimeProvider timeProvider)
{
    /// <summary>How long a replica that missed an event could still serve a revoked grant.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ExpiringCache<(Guid TenantId, Guid AgentId), IReadOnlyList<SpaceGrantInfo>> _cache = new(timeProvider);

    public Task<IReadOnlyList<SpaceGrantInfo>> GetAsync(EdgeCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _cache.GetOrLoadAsync((caller.TenantId, caller.AgentId),
            async (key, token) => (await clients.Registry.GetSpaceGrantsAsync(key.TenantId, key.AgentId, token), Lifetime), ct);
    }

    /// <summary>The grant on the Space with this slug; null when there is none (or no such Space: the two look alike).</summary>
    public async Task<SpaceGrantInfo?> FindAsync(EdgeCaller caller, string slug, CancellationToken ct) =>
        (await GetAsync(caller, ct)).FirstOrDefault(grant => grant.Slug == slug);

    /// <summary>Forgets one agent's grants, or (no agent) those of every agent of the tenant.</summary>
    public void Invalidate(Guid tenantId, Guid? agentId) =>
        _cache.Invalidate(key => key.TenantId == tenantId && (agentId is null || key.AgentId == agentId));
}
