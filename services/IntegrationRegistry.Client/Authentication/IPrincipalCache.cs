namespace Platform.IntegrationRegistry.Client.Authentication;

/// <summary>
/// The short-lived cache of token → principal behind the <c>AdminKey</c> and <c>AgentToken</c> handlers, keyed by
/// a hash of the token. Revocation consumers drop entries here so a revoked token stops working at once rather
/// than when its entry expires.
/// </summary>
public interface IPrincipalCache
{
    /// <summary>Drops every cached token of this agent (revocation events name the agent; the cache never sees token ids).</summary>
    void InvalidateAgent(Guid agentId);

    void InvalidateAdminKey(Guid keyId);

    void InvalidateTenant(Guid tenantId);

    void Clear();
}
