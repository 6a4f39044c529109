using MassTransit;
using Platform.Contracts;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>An agent token was revoked: every cached token of that agent is forgotten, so the next request asks the registry.</summary>
public sealed class AgentTokenRevokedConsumer(IPrincipalCache principals) : IConsumer<AgentTokenRevoked>
{
    public Task Consume(ConsumeContext<AgentTokenRevoked> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        principals.InvalidateAgent(context.Message.AgentId);
        return Task.CompletedTask;
    }
}
