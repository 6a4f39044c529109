using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.Messaging;

namespace Platform.IntegrationRegistry.Tests;

public sealed class PrincipalRevocationConsumerTests
{
    [Fact]
    public async Task Revocation_events_invalidate_the_cache()
    {
        var cache = new RecordingCache();
        await using var provider = new ServiceCollection()
            .AddSingleton<IPrincipalCache>(cache)
            .AddMassTransitTestHarness(bus => bus.AddPrincipalRevocationConsumer())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var agentId = Guid.NewGuid();
        var keyId = Guid.NewGuid();

        await harness.Bus.Publish(new AgentTokenRevoked(Guid.NewGuid(), DateTime.UtcNow, Guid.NewGuid().ToString(), agentId, Guid.NewGuid()));
        await harness.Bus.Publish(new AdminKeyRevoked(Guid.NewGuid(), DateTime.UtcNow, Guid.NewGuid().ToString(), keyId));

        Assert.True(await harness.Consumed.Any<AgentTokenRevoked>());
        Assert.True(await harness.Consumed.Any<AdminKeyRevoked>());
        Assert.Equal([agentId], cache.Agents);
        Assert.Equal([keyId], cache.AdminKeys);
    }

    private sealed class RecordingCache : IPrincipalCache
    {
        public List<Guid> Agents { get; } = [];

        public List<Guid> AdminKeys { get; } = [];

        public void InvalidateAgent(Guid agentId) => Agents.Add(agentId);

        public void InvalidateAdminKey(Guid keyId) => AdminKeys.Add(keyId);

        public void InvalidateTenant(Guid tenantId)
        {
        }

        public void Clear()
        {
        }
    }
}
