namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// An agent registered with its own MCP endpoint, which the edge can offer as a tool ("agents as tools") to the
/// agents of its tenant named in <see cref="CallableBy"/>, and to no other.
/// </summary>
public sealed record AgentEndpointInfo(Guid AgentId, string Name, string Slug, string McpUrl, string? Description, IReadOnlyList<Guid> CallableBy);
