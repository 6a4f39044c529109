namespace Platform.IntegrationRegistry.Client;

/// <summary>Body of <c>POST /internal/auth/agent-token</c>; tokens travel in bodies, never in URLs that get logged.</summary>
public sealed record AgentTokenRequest(string Token);
