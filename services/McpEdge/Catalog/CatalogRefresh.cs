using MassTransit;
using Platform.Contracts;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// Forgets cached catalogs, install lists, credentials and upstream sessions when what they describe changed. A
/// client's initialize is what reconnecting means for a stateless server: the replica that sees it refreshes at
/// once and tells the other replicas through <see cref="CatalogChanged"/>.
/// </summary>
public sealed partial class CatalogRefresh(
    SourceDirectory directory,
    CatalogStore catalogs,
    UpstreamCredentials credentials,
    UpstreamSessions sessions,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    ILogger<CatalogRefresh> logger)
{
    public const string ClientInitializedReason = "client-initialized";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Drops catalogs and install lists of a tenant, narrowed to one install and/or one subject when given.</summary>
    public void Catalogs(Guid tenantId, Guid? installId, Guid? subjectId)
    {
        directory.Invalidate(tenantId, subjectId);
        catalogs.Invalidate(tenantId, subjectId, installId);
    }

    /// <summary>A credential changed (connected, revoked): its cached material and sessions go too.</summary>
    public async Task CredentialAsync(Guid tenantId, Guid installId, Guid? subjectId)
    {
        Catalogs(tenantId, installId, subjectId);
        credentials.Invalidate(tenantId, installId, subjectId);
        await sessions.DropWhereAsync(key => key.TenantId == tenantId && key.SourceId == installId && (subjectId is null || key.SubjectId == subjectId));
    }

    public void ClientInitialized(EdgeCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Catalogs(caller.TenantId, installId: null, caller.SubjectId);
        _ = TellOtherReplicasAsync(caller);
    }

    private async Task TellOtherReplicasAsync(EdgeCaller caller)
    {
        try
        {
            using var timeout = new CancellationTokenSource(PublishTimeout);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new CatalogChanged(
                Guid.CreateVersion7(), timeProvider.GetUtcNow().UtcDateTime, caller.TenantId.ToString(), null, caller.SubjectId.ToString(), ClientInitializedReason),
                timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Best effort: the other replicas' caches expire on their own.
            LogPublishFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not tell other replicas to refresh a catalog ({Error})")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
