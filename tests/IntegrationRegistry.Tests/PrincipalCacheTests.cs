using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Tests;

/// <summary>A flood of made-up tokens fills only the "no such token" side of the cache, never evicting valid principals.</summary>
public sealed class PrincipalCacheTests
{
    [Fact]
    public void A_flood_of_unknown_tokens_does_not_evict_cached_valid_principals()
    {
        var cache = new PrincipalCache(new ManualTimeProvider());
        var agent = new AgentPrincipal(Guid.NewGuid(), "tenant", Guid.NewGuid(), "agent", Guid.NewGuid());
        cache.Set("valid", agent, TimeSpan.FromSeconds(30), cache.Generation);

        for (var i = 0; i < 3 * PrincipalCache.MaxEntries; i++)
        {
            cache.Set($"random-{i}", null, TimeSpan.FromSeconds(5), cache.Generation);
        }

        Assert.True(cache.TryGet("valid", out var cached));
        Assert.Same(agent, cached);
    }

    [Fact]
    public void Unknown_tokens_are_remembered_as_unknown_until_they_expire()
    {
        var clock = new ManualTimeProvider();
        var cache = new PrincipalCache(clock);
        cache.Set("random", null, TimeSpan.FromSeconds(5), cache.Generation);

        Assert.True(cache.TryGet("random", out var answer));
        Assert.Null(answer);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(cache.TryGet("random", out _));
    }
}
