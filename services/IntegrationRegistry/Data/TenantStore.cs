using Npgsql;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Tenants (created by the operator, each with a first admin key).</summary>
public sealed class TenantStore(RegistryDatabase database)
{
    private const string Columns = "id, slug, name, created_at";

    public Task<CreatedTenant> CreateAsync(string slug, string name, DateTimeOffset? adminKeyExpiresAt, CancellationToken ct) =>
        database.InTransactionAsync(async session =>
        {
            var tenant = (await session.QuerySingleAsync(
                $"INSERT INTO registry.tenants (id, slug, name) VALUES (@id, @slug, @name) RETURNING {Columns}",
                Read, ct, ("id", Guid.CreateVersion7()), ("slug", slug), ("name", name)))!;
            var key = await AdminKeyStore.InsertAsync(session, tenant.Id, "initial", adminKeyExpiresAt, ct);
            return new CreatedTenant(tenant, key);
        }, ct);

    public Task<List<Tenant>> ListAsync(CancellationToken ct) =>
        database.ReadAsync(session => session.QueryAsync($"SELECT {Columns} FROM registry.tenants ORDER BY slug", Read, ct), ct);

    public Task<Tenant?> GetAsync(Guid id, CancellationToken ct) =>
        database.ReadAsync(session => session.QuerySingleAsync($"SELECT {Columns} FROM registry.tenants WHERE id = @id", Read, ct, ("id", id)), ct);

    public Task<Tenant?> GetBySlugAsync(string slug, CancellationToken ct) =>
        database.ReadAsync(session => session.QuerySingleAsync($"SELECT {Columns} FROM registry.tenants WHERE slug = @slug", Read, ct, ("slug", slug)), ct);

    private static Tenant Read(NpgsqlDataReader r) => new(r.Guid("id"), r.String("slug"), r.String("name"), r.Time("created_at"));
}
