using ModelContextProtocol.Protocol;
using Platform.McpEdge.Catalog;

namespace Platform.McpEdge.Tools;

/// <summary>
/// Resource links in a tool result point at the upstream's URIs; namespacing them lets the caller read them
/// through the edge (resources/read routes by namespace). Embedded resources carry their content already and
/// are passed on unchanged.
/// </summary>
public static class ResourceLinks
{
    public static CallToolResult Namespace(CallToolResult result, string ns)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var link in result.Content.OfType<ResourceLinkBlock>())
        {
            link.Uri = NamespacedNames.Uri(ns, link.Uri);
        }
        return result;
    }
}
