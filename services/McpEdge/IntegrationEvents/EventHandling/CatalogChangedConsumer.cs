using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>Installs, tool lists or a subject's access changed (or a client initialized on another replica): refresh.</summary>
public sealed class CatalogChangedConsumer(CatalogRefresh refresh) : IConsumer<CatalogChanged>
{
    public Task Consume(ConsumeContext<CatalogChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (Guid.TryParse(message.TenantId, out var tenantId))
        {
            refresh.Catalogs(tenantId, message.InstallId, Guid.TryParse(message.SubjectId, out var subjectId) ? subjectId : null);
        }
        return Task.CompletedTask;
    }
}
