namespace Platform.IntegrationRegistry.Model;

/// <summary>Create or replace an agent; <c>mcpUrl</c>, when given, must be an absolute http(s) URL.</summary>
public sealed record AgentRequest(string? Slug, string? Name, Guid? SubjectIdentityId, string? Description, string? McpUrl);
