using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.McpEdge.Caching;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// Each upstream's tools, resources, templates and prompts per subject, namespaced, cached for
/// <see cref="McpEdgeOptions.CatalogTtl"/> (an upstream that could not be listed: for
/// <see cref="McpEdgeOptions.UnavailableTtl"/>), and dropped on re-initialize and catalog events.
/// </summary>
public sealed partial class CatalogStore(
    UpstreamConnector connector, CredentialEchoes echoes, IOptions<McpEdgeOptions> options, TimeProvider timeProvider, ILogger<CatalogStore> logger)
{
    private readonly ExpiringCache<CatalogKey, SourceCatalog> _cache = new(timeProvider);

    public Task<SourceCatalog> GetAsync(EdgeCaller caller, UpstreamSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(source);
        if (!source.IsUsable)
        {
            var failureClass = source.NeedsCredential && !source.Connected ? UpstreamFailure.NotConnected : "unusable";
            return Task.FromResult(SourceCatalog.Failed(source, source.UnusableReason!, failureClass));
        }
        var key = new CatalogKey(caller.TenantId, caller.SubjectId, source.Id, source.Endpoint!.AbsoluteUri, source.AuthMethod);
        return _cache.GetOrLoadAsync(key, async (_, _) =>
        {
            var (catalog, lifetime) = await LoadAsync(caller, source);
            catalog.ListedAt = timeProvider.GetUtcNow();
            return (catalog, lifetime);
        }, ct);
    }

    /// <summary>Drops catalogs of a tenant, optionally only of one subject and/or one source.</summary>
    public void Invalidate(Guid tenantId, Guid? subjectId, Guid? sourceId) =>
        _cache.Invalidate(key => key.Tenant == tenantId && (subjectId is null || key.Subject == subjectId) && (sourceId is null || key.Source == sourceId));

    public void Clear() => _cache.Clear();

    private async Task<(SourceCatalog, TimeSpan)> LoadAsync(EdgeCaller caller, UpstreamSource source)
    {
        var timeout = options.Value.ListTimeout;
        using var cts = new CancellationTokenSource(timeout);
        for (var attempt = 0; ; attempt++)
        {
            UpstreamConnection? connection = null;
            try
            {
                connection = await connector.ConnectAsync(caller, source, timeout, cts.Token);
                var catalog = await ListAsync(source, connection, cts.Token);
                LogListed(logger, source.Namespace, catalog.Tools.Count);
                return (catalog, options.Value.CatalogTtl);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                var failure = cts.IsCancellationRequested ? UpstreamFailure.TimedOut(source, timeout) : UpstreamFailure.From(exception, source, connector.ExceededLimit(connection));
                var credential = connection?.Credential ?? await connector.CredentialOrNoneAsync(caller, source);
                var report = true;
                try
                {
                    // An access token the provider stopped accepting early is renewed here too, as for a tool call.
                    if (!cts.IsCancellationRequested && await connector.RetryAfterRenewalAsync(caller, source, failure, credential, attempt, cts.Token))
                    {
                        continue;
                    }
                }
                catch (UpstreamNotConnectedException notConnected)
                {
                    // The broker recorded the provider's refusal.
                    (failure, report) = (new(UpstreamFailure.NotConnected, notConnected.Message), false);
                }
                catch (PlatformUnavailableException unavailable)
                {
                    // The renewal could not be asked for: that says nothing against the credential.
                    (failure, report) = (new(UpstreamFailure.PlatformUnavailable, unavailable.Message), false);
                }
                catch (OperationCanceledException) when (cts.IsCancellationRequested)
                {
                    failure = UpstreamFailure.TimedOut(source, timeout);
                }
                if (report)
                {
                    await connector.ReportAsync(caller, source, failure with { SessionBroken = true });
                }
                LogUnavailable(logger, source.Namespace, failure.ErrorClass);
                return (SourceCatalog.Failed(source, echoes.Scrub(failure.Message, credential), failure.ErrorClass, failure.RequiredScope), options.Value.UnavailableTtl);
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private async Task<SourceCatalog> ListAsync(UpstreamSource source, UpstreamConnection connection, CancellationToken ct)
    {
        var client = connection.Client;
        var cap = options.Value.MaxListedPerInstall;
        var capabilities = client.ServerCapabilities;
        var tools = capabilities.Tools is null ? [] : await client.ListToolsAsync(cancellationToken: ct);
        var resources = capabilities.Resources is null ? [] : await client.ListResourcesAsync(cancellationToken: ct);
        var templates = capabilities.Resources is null ? [] : await client.ListResourceTemplatesAsync(cancellationToken: ct);
        var prompts = capabilities.Prompts is null ? [] : await client.ListPromptsAsync(cancellationToken: ct);

        var exposed = new List<ExposedTool>(tools.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in tools.Take(cap).Select(t => echoes.Scrub(t.ProtocolTool, connection.Credential)))
        {
            var name = NamespacedNames.ToolName(source.Namespace, tool.Name);
            if (names.Add(name))
            {
                exposed.Add(new ExposedTool(name, tool.Name, PrimitiveRenamer.With(tool, "name", name)));
            }
        }
        return new SourceCatalog(
            source,
            exposed,
            [.. resources.Take(cap).Select(r => echoes.Scrub(r.ProtocolResource, connection.Credential))
                .Select(r => PrimitiveRenamer.With(r, "uri", NamespacedNames.Uri(source.Namespace, r.Uri)))],
            [.. templates.Take(cap).Select(t => echoes.Scrub(t.ProtocolResourceTemplate, connection.Credential))
                .Select(t => PrimitiveRenamer.With(t, "uriTemplate", NamespacedNames.Uri(source.Namespace, t.UriTemplate)))],
            [.. prompts.Take(cap).Select(p => echoes.Scrub(p.ProtocolPrompt, connection.Credential))
                .Select(p => PrimitiveRenamer.With(p, "name", source.Namespace + NamespacedNames.ToolSeparator + p.Name))],
            failureReason: null);
    }

    private readonly record struct CatalogKey(Guid Tenant, Guid Subject, Guid Source, string Endpoint, string AuthMethod);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed upstream {Namespace}: {ToolCount} tools")]
    private static partial void LogListed(ILogger logger, string @namespace, int toolCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream {Namespace} left out of the catalog ({ErrorClass})")]
    private static partial void LogUnavailable(ILogger logger, string @namespace, string errorClass);
}
