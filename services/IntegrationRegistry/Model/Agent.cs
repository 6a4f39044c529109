namespace Platform.IntegrationRegistry.Model;

/// <summary>An agent of a tenant acting for one subject identity; optionally reachable itself at an MCP URL.</summary>
public sealed record Agent(
    Guid Id,
    string Slug,
    string Name,
    Guid SubjectIdentityId,
    string? Description,
    string? McpUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
