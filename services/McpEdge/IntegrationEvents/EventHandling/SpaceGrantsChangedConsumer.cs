using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Spaces;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>A Space grant was given, changed or revoked, or a Space renamed or deleted: forget the cached grants at once.</summary>
public sealed class SpaceGrantsChangedConsumer(SpaceGrants grants) : IConsumer<SpaceGrantsChanged>
{
    public Task Consume(ConsumeContext<SpaceGrantsChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(context.Message.TenantId, out var tenantId))
        {
            grants.Invalidate(tenantId, context.Message.AgentId);
        }
        return Task.CompletedTask;
    }
}
