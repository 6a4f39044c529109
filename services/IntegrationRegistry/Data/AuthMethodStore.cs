using Npgsql;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Auth methods of one tenant, each for a definition the tenant can see.</summary>
public sealed class AuthMethodStore(RegistryDatabase database)
{
    private const string Columns =
        "id, definition_id, name, kind, header_name, scopes, authorization_endpoint, token_endpoint, client_id, client_secret_id, token_endpoint_auth_method, resource_on_refresh, created_at, updated_at";

    public Task<List<AuthMethod>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.auth_methods WHERE tenant_id = @tenant ORDER BY name", Read, ct, ("tenant", tenantId)), ct);

    public Task<AuthMethod?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.auth_methods WHERE tenant_id = @tenant AND id = @id", Read, ct, ("tenant", tenantId), ("id", id)), ct);

    /// <summary>Null if the definition is not visible to the tenant.</summary>
    public Task<AuthMethod?> CreateAsync(Guid tenantId, AuthMethodRequest request, Guid? clientSecretId, string? tokenEndpointAuthMethod, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            if (await DefinitionStore.GetVisibleAsync(s, tenantId, request.DefinitionId!.Value, ct) is null)
            {
                return null;
            }
            return await s.QuerySingleAsync(
                $"""
                INSERT INTO registry.auth_methods (id, tenant_id, definition_id, name, kind, header_name, scopes, authorization_endpoint,
                    token_endpoint, client_id, client_secret_id, token_endpoint_auth_method, resource_on_refresh)
                VALUES (@id, @tenant, @definition, @name, @kind, @header, @scopes, @authorize, @token, @client, @secret, @authMethod, @resourceOnRefresh)
                RETURNING {Columns}
                """,
                Read, ct, [("id", Guid.CreateVersion7()), ("secret", clientSecretId), ("authMethod", tokenEndpointAuthMethod), .. Parameters(tenantId, request)]);
        }, ct);

    /// <summary>
    /// Replaces the method (its definition stays). The old client secret stays when <paramref name="keepSecret"/>;
    /// otherwise the new one (or none) replaces it and the old one is queued for revocation. Installs using it change catalog.
    /// </summary>
    public Task<AuthMethod?> UpdateAsync(Guid tenantId, Guid id, AuthMethodRequest request, Guid? newClientSecretId, bool keepSecret, string? tokenEndpointAuthMethod, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var existing = await s.QueryAsync(
                "SELECT client_secret_id FROM registry.auth_methods WHERE tenant_id = @tenant AND id = @id FOR UPDATE",
                r => r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0), ct, ("tenant", tenantId), ("id", id));
            if (existing.Count == 0)
            {
                return null;
            }
            var oldSecret = existing[0];
            var keepOld = newClientSecretId is null && keepSecret;
            var secret = keepOld ? oldSecret : newClientSecretId;
            if (oldSecret is { } old && !keepOld)
            {
                await PendingSecretRevocations.QueueAsync(s, tenantId, [old], ct);
            }
            var method = await s.QuerySingleAsync(
                $"""
                UPDATE registry.auth_methods SET name = @name, kind = @kind, header_name = @header, scopes = @scopes,
                    authorization_endpoint = @authorize, token_endpoint = @token, client_id = @client, client_secret_id = @secret,
                    token_endpoint_auth_method = @authMethod, resource_on_refresh = @resourceOnRefresh, updated_at = now()
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, [("id", id), ("secret", secret), ("authMethod", tokenEndpointAuthMethod), .. Parameters(tenantId, request)]);
            var installs = await s.QueryAsync(
                "SELECT id FROM registry.installs WHERE tenant_id = @tenant AND auth_method_id = @id", r => r.GetGuid(0), ct, ("tenant", tenantId), ("id", id));
            foreach (var installId in installs)
            {
                s.CatalogChanged(tenantId, installId, null, "auth-method-updated");
            }
            return method;
        }, ct);

    /// <summary>False if not found; a foreign-key violation while installs use it. Its client secret is queued for revocation.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var secrets = await s.QueryAsync(
                "DELETE FROM registry.auth_methods WHERE tenant_id = @tenant AND id = @id RETURNING client_secret_id",
                r => r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0), ct, ("tenant", tenantId), ("id", id));
            await PendingSecretRevocations.QueueAsync(s, tenantId, secrets.OfType<Guid>(), ct);
            return secrets.Count > 0;
        }, ct);

    private static (string, object?)[] Parameters(Guid tenantId, AuthMethodRequest request) =>
    [
        ("tenant", tenantId), ("definition", request.DefinitionId), ("name", request.Name), ("kind", request.Kind),
        ("header", request.HeaderName), ("scopes", (request.Scopes ?? []).ToArray()), ("authorize", request.AuthorizationEndpoint),
        ("token", request.TokenEndpoint), ("client", request.ClientId), ("resourceOnRefresh", request.ResourceOnRefresh ?? true),
    ];

    private static AuthMethod Read(NpgsqlDataReader r) => new(
        r.Guid("id"), r.Guid("definition_id"), r.String("name"), r.String("kind"), r.NullableString("header_name"), r.Strings("scopes"),
        r.NullableString("authorization_endpoint"), r.NullableString("token_endpoint"), r.NullableString("client_id"),
        r.NullableGuid("client_secret_id") is not null, r.NullableString("token_endpoint_auth_method"), r.Bool("resource_on_refresh"),
        r.Time("created_at"), r.Time("updated_at"));
}
