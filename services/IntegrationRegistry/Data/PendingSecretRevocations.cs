namespace Platform.IntegrationRegistry.Data;

/// <summary>Queues vault secrets for revocation in the caller's transaction, so a committed revocation is never forgotten.</summary>
public static class PendingSecretRevocations
{
    public static async Task QueueAsync(DbSession session, Guid tenantId, IEnumerable<Guid> secretIds, CancellationToken ct)
    {
        foreach (var secretId in secretIds)
        {
            await session.ExecuteAsync(
                "INSERT INTO registry.pending_secret_revocations (secret_id, tenant_id) VALUES (@secret, @tenant) ON CONFLICT (secret_id) DO NOTHING",
                ct, ("secret", secretId), ("tenant", tenantId));
            session.QueuedSecretRevocations = true;
        }
    }
}
