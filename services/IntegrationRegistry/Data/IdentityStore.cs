using Npgsql;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Identities of one tenant; every statement is confined to the tenant.</summary>
public sealed class IdentityStore(RegistryDatabase database)
{
    private const string Columns = "id, name, display_name, email, created_at, updated_at";

    public Task<List<Identity>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.identities WHERE tenant_id = @tenant ORDER BY name", Read, ct, ("tenant", tenantId)), ct);

    public Task<Identity?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => GetAsync(s, tenantId, id, ct), ct);

    public static Task<Identity?> GetAsync(DbSession session, Guid tenantId, Guid id, CancellationToken ct) =>
        session.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.identities WHERE tenant_id = @tenant AND id = @id", Read, ct, ("tenant", tenantId), ("id", id));

    /// <summary>The tenant's identity whose id, name or e-mail (ignoring case) is <paramref name="reference"/>, if any.</summary>
    public Task<Identity?> FindByReferenceAsync(Guid tenantId, string reference, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"""
            SELECT {Columns} FROM registry.identities
            WHERE tenant_id = @tenant AND (id::text = lower(@reference) OR name = @reference OR lower(email) = lower(@reference))
            ORDER BY id::text = lower(@reference) DESC, name = @reference DESC
            LIMIT 1
            """,
            Read, ct, ("tenant", tenantId), ("reference", reference)), ct);

    public Task<Identity> CreateAsync(Guid tenantId, IdentityRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s => (await s.QuerySingleAsync(
            $"""
            INSERT INTO registry.identities (id, tenant_id, name, display_name, email)
            VALUES (@id, @tenant, @name, @display, @email) RETURNING {Columns}
            """,
            Read, ct, ("id", Guid.CreateVersion7()), ("tenant", tenantId), ("name", request.Name), ("display", request.DisplayName), ("email", request.Email)))!, ct);

    /// <summary>
    /// Renaming an identity drops the cached principals of the agents acting for it (announced like a token revocation,
    /// the tokens stay valid), so the next call of each is recorded under the new name.
    /// </summary>
    public Task<Identity?> UpdateAsync(Guid tenantId, Guid id, IdentityRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var before = await GetAsync(s, tenantId, id, ct);
            var identity = await s.QuerySingleAsync(
                $"""
                UPDATE registry.identities SET name = @name, display_name = @display, email = @email, updated_at = now()
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, ("tenant", tenantId), ("id", id), ("name", request.Name), ("display", request.DisplayName), ("email", request.Email));
            if (identity is not null && !string.Equals(before?.Name, identity.Name, StringComparison.Ordinal))
            {
                await ForgetCachedAgentsAsync(s, tenantId, id, ct);
            }
            return identity;
        }, ct);

    /// <summary>False if there is no such identity; a foreign-key violation if agents or credentials still use it.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
            await s.ExecuteAsync("DELETE FROM registry.identities WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", id)) > 0, ct);

    private static async Task ForgetCachedAgentsAsync(DbSession s, Guid tenantId, Guid identityId, CancellationToken ct)
    {
        var live = await s.QueryAsync(
            """
            SELECT t.agent_id, t.id FROM registry.agent_tokens t
            JOIN registry.agents a ON a.tenant_id = t.tenant_id AND a.id = t.agent_id
            WHERE t.tenant_id = @tenant AND a.subject_identity_id = @identity AND t.revoked_at IS NULL
            """,
            r => (AgentId: r.GetGuid(0), TokenId: r.GetGuid(1)), ct, ("tenant", tenantId), ("identity", identityId));
        foreach (var (agentId, tokenId) in live)
        {
            s.AgentTokenRevoked(tenantId, agentId, tokenId);
        }
    }

    private static Identity Read(NpgsqlDataReader r) =>
        new(r.Guid("id"), r.String("name"), r.NullableString("display_name"), r.NullableString("email"), r.Time("created_at"), r.Time("updated_at"));
}
