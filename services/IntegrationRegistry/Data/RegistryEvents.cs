using Platform.Contracts;

namespace Platform.IntegrationRegistry.Data;

/// <summary>The integration events the registry publishes, stamped with a fresh id and the session's clock.</summary>
public static class RegistryEvents
{
    public static void CatalogChanged(this DbSession session, Guid tenantId, Guid? installId, Guid? subjectId, string reason) =>
        session.Publish(new CatalogChanged(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), installId, subjectId?.ToString(), reason));

    public static void CredentialRevoked(this DbSession session, Guid tenantId, Guid credentialId, Guid installId, Guid subjectId) =>
        session.Publish(new CredentialRevoked(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), credentialId, installId, subjectId.ToString()));

    public static void CredentialNeedsReauthorization(this DbSession session, Guid tenantId, Guid credentialId, Guid installId, Guid subjectId) =>
        session.Publish(new CredentialNeedsReauthorization(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), credentialId, installId, subjectId.ToString()));

    public static void AgentTokenRevoked(this DbSession session, Guid tenantId, Guid agentId, Guid tokenId) =>
        session.Publish(new AgentTokenRevoked(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), agentId, tokenId));

    public static void AdminKeyRevoked(this DbSession session, Guid tenantId, Guid keyId) =>
        session.Publish(new AdminKeyRevoked(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), keyId));

    public static void SpaceGrantsChanged(this DbSession session, Guid tenantId, Guid? agentId, Guid spaceId, string reason) =>
        session.Publish(new SpaceGrantsChanged(Guid.CreateVersion7(), session.Now.UtcDateTime, tenantId.ToString(), agentId, spaceId, reason));
}
