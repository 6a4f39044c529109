using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Catalog;

/// <summary>An upstream tool as agents see it: the namespaced definition, and the name to call upstream.</summary>
public sealed record ExposedTool(string Name, string UpstreamName, Tool Definition);
