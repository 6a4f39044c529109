using Npgsql;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Spaces of one tenant.</summary>
public sealed class SpaceStore(RegistryDatabase database)
{
    private const string Columns = "id, slug, name, description, created_at, updated_at";

    public Task<List<Space>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.spaces WHERE tenant_id = @tenant ORDER BY slug", Read, ct, ("tenant", tenantId)), ct);

    public Task<Space?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.spaces WHERE tenant_id = @tenant AND id = @id", Read, ct, ("tenant", tenantId), ("id", id)), ct);

    public Task<Space> CreateAsync(Guid tenantId, SpaceRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s => (await s.QuerySingleAsync(
            $"INSERT INTO registry.spaces (id, tenant_id, slug, name, description) VALUES (@id, @tenant, @slug, @name, @description) RETURNING {Columns}",
            Read, ct, ("id", Guid.CreateVersion7()), ("tenant", tenantId), ("slug", request.Slug), ("name", request.Name), ("description", request.Description)))!, ct);

    /// <summary>A new slug or name changes what agents granted the Space see (its resource URI), so the edge is told.</summary>
    public Task<Space?> UpdateAsync(Guid tenantId, Guid id, SpaceRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var space = await s.QuerySingleAsync(
                $"""
                UPDATE registry.spaces SET slug = @slug, name = @name, description = @description, updated_at = now()
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, ("tenant", tenantId), ("id", id), ("slug", request.Slug), ("name", request.Name), ("description", request.Description));
            if (space is not null)
            {
                s.SpaceGrantsChanged(tenantId, agentId: null, id, "space-updated");
            }
            return space;
        }, ct);

    /// <summary>Deleting a Space deletes its grants (the foreign key cascades); the edge is told.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var deleted = await s.ExecuteAsync("DELETE FROM registry.spaces WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", id)) > 0;
            if (deleted)
            {
                s.SpaceGrantsChanged(tenantId, agentId: null, id, "space-deleted");
            }
            return deleted;
        }, ct);

    private static Space Read(NpgsqlDataReader r) =>
        new(r.Guid("id"), r.String("slug"), r.String("name"), r.NullableString("description"), r.Time("created_at"), r.Time("updated_at"));
}
