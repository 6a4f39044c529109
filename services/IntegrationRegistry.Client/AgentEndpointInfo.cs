namespace Platform.IntegrationRegistry.Client;

/// <summary>An agent registered with its own MCP endpoint, which the edge can offer as a tool ("agents as tools").</summary>
public sealed record AgentEndpointInfo(Guid AgentId, string Name, string Slug, string McpUrl, string? Description);
