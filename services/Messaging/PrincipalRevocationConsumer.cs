using MassTransit;
using Platform.Contracts;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.Messaging;

/// <summary>Drops cached principals when the registry announces a revoked agent token or admin key.</summary>
public sealed class PrincipalRevocationConsumer(IPrincipalCache cache) : IConsumer<AgentTokenRevoked>, IConsumer<AdminKeyRevoked>
{
    public Task Consume(ConsumeContext<AgentTokenRevoked> context)
    {
        cache.InvalidateAgent(context.Message.AgentId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<AdminKeyRevoked> context)
    {
        cache.InvalidateAdminKey(context.Message.KeyId);
        return Task.CompletedTask;
    }
}
