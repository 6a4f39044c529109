using Npgsql;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>
/// Definitions: a tenant sees its own and the platform-wide ones (tenant_id NULL) and changes only its own;
/// the operator manages the platform-wide ones (<paramref name="tenantId"/> null in the methods below).
/// </summary>
public sealed class DefinitionStore(RegistryDatabase database)
{
    private const string Columns = "id, tenant_id, name, kind, base_url, description, created_at, updated_at";

    public Task<List<Definition>> ListAsync(Guid? tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.definitions WHERE tenant_id IS NULL OR tenant_id = @tenant ORDER BY tenant_id NULLS FIRST, name",
            Read, ct, ("tenant", tenantId)), ct);

    /// <summary>A definition the tenant can see (its own or platform-wide).</summary>
    public Task<Definition?> GetVisibleAsync(Guid? tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => GetVisibleAsync(s, tenantId, id, ct), ct);

    public static Task<Definition?> GetVisibleAsync(DbSession s, Guid? tenantId, Guid id, CancellationToken ct) =>
        s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.definitions WHERE id = @id AND (tenant_id IS NULL OR tenant_id = @tenant)",
            Read, ct, ("id", id), ("tenant", tenantId));

    public Task<Definition> CreateAsync(Guid? tenantId, DefinitionRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s => (await s.QuerySingleAsync(
            $"""
            INSERT INTO registry.definitions (id, tenant_id, name, kind, base_url, description)
            VALUES (@id, @tenant, @name, @kind, @url, @description) RETURNING {Columns}
            """,
            Read, ct, ("id", Guid.CreateVersion7()), ("tenant", tenantId), ("name", request.Name), ("kind", request.Kind),
            ("url", request.BaseUrl), ("description", request.Description)))!, ct);

    /// <summary>Replaces a definition owned by <paramref name="tenantId"/> (null: a platform-wide one); installs of it change catalog.</summary>
    public Task<Definition?> UpdateAsync(Guid? tenantId, Guid id, DefinitionRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var definition = await s.QuerySingleAsync(
                $"""
                UPDATE registry.definitions SET name = @name, kind = @kind, base_url = @url, description = @description, updated_at = now()
                WHERE id = @id AND tenant_id IS NOT DISTINCT FROM @tenant RETURNING {Columns}
                """,
                Read, ct, ("id", id), ("tenant", tenantId), ("name", request.Name), ("kind", request.Kind), ("url", request.BaseUrl),
                ("description", request.Description));
            if (definition is not null)
            {
                var installs = await s.QueryAsync(
                    "SELECT tenant_id, id FROM registry.installs WHERE definition_id = @id", r => (r.GetGuid(0), r.GetGuid(1)), ct, ("id", id));
                foreach (var (installTenant, installId) in installs)
                {
                    s.CatalogChanged(installTenant, installId, null, "definition-updated");
                }
            }
            return definition;
        }, ct);

    /// <summary>False if not found (or not owned); a foreign-key violation while auth methods use it.</summary>
    public Task<bool> DeleteAsync(Guid? tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s => await s.ExecuteAsync(
            "DELETE FROM registry.definitions WHERE id = @id AND tenant_id IS NOT DISTINCT FROM @tenant", ct, ("id", id), ("tenant", tenantId)) > 0, ct);

    private static Definition Read(NpgsqlDataReader r) => new(
        r.Guid("id"), r.String("name"), r.String("kind"), r.String("base_url"), r.NullableString("description"),
        r.NullableGuid("tenant_id") is null, r.Time("created_at"), r.Time("updated_at"));
}
