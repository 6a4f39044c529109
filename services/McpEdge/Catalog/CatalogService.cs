using Platform.McpEdge.Server;

namespace Platform.McpEdge.Catalog;

/// <summary>Gathers the catalogs of every upstream a caller may reach, in parallel; one slow upstream costs at most the list timeout.</summary>
public sealed class CatalogService(SourceDirectory directory, CatalogStore store)
{
    public async Task<CallerCatalog> GetAsync(EdgeCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var sources = await directory.GetSourcesAsync(caller, ct);
        var catalogs = await Task.WhenAll(sources.Select(source => store.GetAsync(caller, source, ct)));
        return new CallerCatalog(catalogs);
    }

    /// <summary>The source a namespaced name or URI points at, with its catalog; null when the namespace is unknown.</summary>
    public async Task<SourceCatalog?> FindAsync(EdgeCaller caller, string ns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var source = await directory.FindAsync(caller, ns, ct);
        return source is null ? null : await store.GetAsync(caller, source, ct);
    }
}
