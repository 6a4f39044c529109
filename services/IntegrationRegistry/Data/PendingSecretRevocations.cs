namespace Platform.IntegrationRegistry.Data;

/// <summary>Queues vault secrets for revocation in the caller's transaction, so a committed revocation is never forgotten.</summary>
public static class PendingSecretRevocations
{
    /// <summary>The roles whose secrets the broker revokes upstream before the vault destroys them.</summary>
    private static readonly string[] UpstreamRevokedRoles = [CredentialStore.AccessTokenRole, CredentialStore.RefreshTokenRole];

    public static Task QueueAsync(DbSession session, Guid tenantId, IEnumerable<Guid> secretIds, CancellationToken ct) =>
        QueueAsync(session, tenantId, secretIds, heldUntil: null, ct);

    /// <summary>
    /// A revoked credential's secrets: its OAuth tokens held for the broker's upstream revocation for
    /// <paramref name="hold"/> (<see cref="RegistryOptions.UpstreamRevocationHold"/>), the rest revoked at once.
    /// </summary>
    public static async Task QueueCredentialAsync(DbSession session, Guid tenantId, IReadOnlyDictionary<string, Guid> handles, TimeSpan hold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(handles);
        var held = handles.Where(h => UpstreamRevokedRoles.Contains(h.Key)).Select(h => h.Value).ToList();
        await QueueAsync(session, tenantId, held, session.Now + hold, ct);
        await QueueAsync(session, tenantId, handles.Values.Except(held), heldUntil: null, ct);
    }

    /// <summary>The broker is done with these secrets (revoked upstream, or nothing to revoke): the vault may destroy them now.</summary>
    public static async Task<int> ReleaseAsync(DbSession session, Guid tenantId, IEnumerable<Guid> secretIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var released = await session.ExecuteAsync(
            "UPDATE registry.pending_secret_revocations SET held_until = NULL WHERE tenant_id = @tenant AND secret_id = ANY(@ids) AND held_until IS NOT NULL",
            ct, ("tenant", tenantId), ("ids", secretIds.ToArray()));
        session.QueuedSecretRevocations |= released > 0;
        return released;
    }

    private static async Task QueueAsync(DbSession session, Guid tenantId, IEnumerable<Guid> secretIds, DateTimeOffset? heldUntil, CancellationToken ct)
    {
        foreach (var secretId in secretIds)
        {
            await session.ExecuteAsync(
                "INSERT INTO registry.pending_secret_revocations (secret_id, tenant_id, held_until) VALUES (@secret, @tenant, @held) ON CONFLICT (secret_id) DO NOTHING",
                ct, ("secret", secretId), ("tenant", tenantId), ("held", heldUntil));
            session.QueuedSecretRevocations = true;
        }
    }
}
