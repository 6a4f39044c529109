using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>A credential was revoked: its cached secret, upstream sessions and catalog go at once.</summary>
public sealed class CredentialRevokedConsumer(CatalogRefresh refresh) : IConsumer<CredentialRevoked>
{
    public Task Consume(ConsumeContext<CredentialRevoked> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        return Guid.TryParse(message.TenantId, out var tenantId)
            ? refresh.CredentialAsync(tenantId, message.InstallId, Guid.TryParse(message.SubjectId, out var subjectId) ? subjectId : null)
            : Task.CompletedTask;
    }
}
