using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Catalog;

/// <summary>
/// Every resource URI in an upstream's answer, namespaced (<see cref="NamespacedNames.Uri"/>) so the caller can read
/// it back through the edge (resources/read routes by namespace): resource links and embedded resources in tool
/// results and prompt messages, and the contents of a resource read. The one place answers get their URIs rewritten.
/// </summary>
public static class NamespacedContent
{
    public static CallToolResult Namespace(CallToolResult result, string ns)
    {
        ArgumentNullException.ThrowIfNull(result);
        Namespace(result.Content, ns);
        return result;
    }

    public static GetPromptResult Namespace(GetPromptResult result, string ns)
    {
        ArgumentNullException.ThrowIfNull(result);
        Namespace(result.Messages.Select(message => message.Content), ns);
        return result;
    }

    public static ReadResourceResult Namespace(ReadResourceResult result, string ns)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var contents in result.Contents)
        {
            contents.Uri = NamespacedNames.Uri(ns, contents.Uri);
        }
        return result;
    }

    private static void Namespace(IEnumerable<ContentBlock> blocks, string ns)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ResourceLinkBlock link:
                    link.Uri = NamespacedNames.Uri(ns, link.Uri);
                    break;
                case EmbeddedResourceBlock { Resource: { } embedded }:
                    embedded.Uri = NamespacedNames.Uri(ns, embedded.Uri);
                    break;
            }
        }
    }
}
