namespace Platform.McpEdge.Catalog;

/// <summary>Where an upstream MCP server comes from.</summary>
public enum UpstreamSourceKind
{
    /// <summary>An install of an integration definition in the tenant.</summary>
    Install,

    /// <summary>Another agent of the tenant, registered with its own MCP endpoint ("agents as tools").</summary>
    Agent,
}
