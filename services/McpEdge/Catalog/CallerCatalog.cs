using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Catalog;

/// <summary>Everything one caller may use right now, in a stable order (namespace, then upstream order).</summary>
public sealed class CallerCatalog(IReadOnlyList<SourceCatalog> catalogs)
{
    public IReadOnlyList<SourceCatalog> Sources { get; } = catalogs;

    public IEnumerable<Tool> Tools =>
        Sources.Where(c => c.IsAvailable).SelectMany(c => c.Tools.Where(t => c.Source.Exposes(t.UpstreamName)).Select(t => t.Definition));

    public IEnumerable<Resource> Resources => Sources.SelectMany(c => c.Resources);

    public IEnumerable<ResourceTemplate> Templates => Sources.SelectMany(c => c.Templates);

    public IEnumerable<Prompt> Prompts => Sources.SelectMany(c => c.Prompts);

    /// <summary>Upstreams the caller could use but that could not be listed: left out, with the reason.</summary>
    public IEnumerable<SourceCatalog> Unavailable => Sources.Where(c => !c.IsAvailable && c.Source.IsUsable);
}
