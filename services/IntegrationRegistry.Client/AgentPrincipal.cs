namespace Platform.IntegrationRegistry.Client;

/// <summary>Who a valid agent token speaks for: one agent of one tenant, acting for one subject identity.</summary>
public sealed record AgentPrincipal(Guid TenantId, string TenantSlug, Guid AgentId, string AgentName, Guid SubjectIdentityId);
