namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// Who a valid agent token speaks for: one agent of one tenant, acting for one subject identity. The agent's slug and
/// the identity's name are as they are now (a rename drops cached principals), for records people read.
/// </summary>
public sealed record AgentPrincipal(
    Guid TenantId, string TenantSlug, Guid AgentId, string AgentName, Guid SubjectIdentityId, string? AgentSlug = null, string? SubjectName = null);
