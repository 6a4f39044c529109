using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.IntegrationEvents.EventHandling;

/// <summary>
/// Installs, tool lists or a subject's access changed (or a client initialized on another replica): refresh. A
/// change of one install (its definition, URL, auth method) also drops that install's sessions and cached
/// credentials, so nothing made for the old settings is used again.
/// </summary>
public sealed class CatalogChangedConsumer(CatalogRefresh refresh) : IConsumer<CatalogChanged>
{
    public async Task Consume(ConsumeContext<CatalogChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (!Guid.TryParse(message.TenantId, out var tenantId))
        {
            return;
        }
        Guid? subjectId = Guid.TryParse(message.SubjectId, out var subject) ? subject : null;
        if (message.InstallId is { } installId)
        {
            await refresh.CredentialAsync(tenantId, installId, subjectId);
        }
        else
        {
            refresh.Catalogs(tenantId, installId: null, subjectId);
        }
    }
}
