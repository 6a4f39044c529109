using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Catalog;

/// <summary>Everything one caller may use right now, in a stable order (namespace, then upstream order).</summary>
public sealed class CallerCatalog(IReadOnlyList<SourceCatalog> catalogs)
{
    public IReadOnlyList<SourceCatalog> Sources { get; } = catalogs;

    public IEnumerable<Tool> Tools =>
        Sources.Where(c => c.IsAvailable).SelectMany(c => c.Tools.Where(t => c.Source.Exposes(t.UpstreamName)).Select(t => t.Definition));

    /// <summary>Only what the install's resource lists allow (matched on the upstream URI, namespace removed).</summary>
    public IEnumerable<Resource> Resources =>
        Sources.SelectMany(c => c.Resources.Where(r => c.Source.ExposesResource(Upstream(r.Uri))));

    /// <summary>Templates follow the resource lists too, matched on the upstream URI template.</summary>
    public IEnumerable<ResourceTemplate> Templates =>
        Sources.SelectMany(c => c.Templates.Where(t => c.Source.ExposesResource(Upstream(t.UriTemplate))));

    public IEnumerable<Prompt> Prompts =>
        Sources.SelectMany(c => c.Prompts.Where(p => c.Source.ExposesPrompt(p.Name[(c.Source.Namespace.Length + NamespacedNames.ToolSeparator.Length)..])));

    private static string Upstream(string namespacedUri) =>
        NamespacedNames.TrySplitUri(namespacedUri, out _, out var upstreamUri) ? upstreamUri : namespacedUri;

    /// <summary>Upstreams the caller could use but that could not be listed: left out, with the reason.</summary>
    public IEnumerable<SourceCatalog> Unavailable => Sources.Where(c => !c.IsAvailable && c.Source.IsUsable);
}
