using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>A subject connected a credential: its tools appear on the next list.</summary>
public sealed class CredentialConnectedConsumer(CatalogRefresh refresh) : IConsumer<CredentialConnected>
{
    public Task Consume(ConsumeContext<CredentialConnected> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        return Guid.TryParse(message.TenantId, out var tenantId)
            ? refresh.CredentialAsync(tenantId, message.InstallId, Guid.TryParse(message.SubjectId, out var subjectId) ? subjectId : null)
            : Task.CompletedTask;
    }
}
