using Npgsql;
using Platform.IntegrationRegistry.Client.Authentication;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Security;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Tenant admin keys: issued (value returned once, hash stored), listed without values, revoked.</summary>
public sealed class AdminKeyStore(RegistryDatabase database)
{
    private const string Columns = "id, name, created_at, expires_at, last_used_at, revoked_at";

    public Task<IssuedAdminKey> IssueAsync(Guid tenantId, IssueTokenRequest request, CancellationToken ct) =>
        database.InTransactionAsync(s => InsertAsync(s, tenantId, request.Name, request.ExpiresAt, ct), ct);

    public static async Task<IssuedAdminKey> InsertAsync(DbSession session, Guid tenantId, string? name, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var key = SecretToken.Create(RegistryAuthenticationDefaults.AdminKeyPrefix);
        await session.ExecuteAsync(
            "INSERT INTO registry.admin_keys (id, tenant_id, name, key_hash, expires_at) VALUES (@id, @tenant, @name, @hash, @expires)",
            ct, ("id", id), ("tenant", tenantId), ("name", name), ("hash", SecretToken.Hash(key)), ("expires", expiresAt));
        return new IssuedAdminKey(id, key, expiresAt);
    }

    public Task<List<AdminKeyInfo>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.admin_keys WHERE tenant_id = @tenant ORDER BY created_at", Read, ct, ("tenant", tenantId)), ct);

    /// <summary>Null if there is no such key in the tenant; revoking twice keeps the first revocation time.</summary>
    public Task<AdminKeyInfo?> RevokeAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var key = await s.QuerySingleAsync(
                $"""
                UPDATE registry.admin_keys SET revoked_at = coalesce(revoked_at, now())
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, ("tenant", tenantId), ("id", id));
            if (key is not null)
            {
                s.AdminKeyRevoked(tenantId, id);
            }
            return key;
        }, ct);

    private static AdminKeyInfo Read(NpgsqlDataReader r) =>
        new(r.Guid("id"), r.NullableString("name"), r.Time("created_at"), r.NullableTime("expires_at"), r.NullableTime("last_used_at"), r.NullableTime("revoked_at"));
}
