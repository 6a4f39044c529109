using Microsoft.Extensions.Options;
using Npgsql;
using Platform.IntegrationRegistry.Client;
using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>Installs of one tenant; every change announces <c>CatalogChanged</c>.</summary>
public sealed class InstallStore(RegistryDatabase database, IOptions<RegistryOptions> options)
{
    public const int DefaultCallTimeoutSeconds = 30;

    private const string Columns =
        "id, slug, display_name, definition_id, auth_method_id, allowed_tools, denied_tools, call_timeout_seconds, created_at, updated_at, " +
        "allowed_resources, denied_resources, allowed_prompts, denied_prompts";

    public Task<List<Install>> ListAsync(Guid tenantId, CancellationToken ct) =>
        database.ReadAsync(s => s.QueryAsync(
            $"SELECT {Columns} FROM registry.installs WHERE tenant_id = @tenant ORDER BY slug", Read, ct, ("tenant", tenantId)), ct);

    public Task<Install?> GetAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            $"SELECT {Columns} FROM registry.installs WHERE tenant_id = @tenant AND id = @id", Read, ct, ("tenant", tenantId), ("id", id)), ct);

    /// <summary><paramref name="definitionId"/> is the auth method's definition (the foreign key insists they match).</summary>
    public Task<Install> CreateAsync(Guid tenantId, Guid definitionId, InstallRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var install = (await s.QuerySingleAsync(
                $"""
                INSERT INTO registry.installs (id, tenant_id, definition_id, auth_method_id, slug, display_name, allowed_tools, denied_tools, call_timeout_seconds,
                    allowed_resources, denied_resources, allowed_prompts, denied_prompts)
                VALUES (@id, @tenant, @definition, @method, @slug, @display, @allowed, @denied, @timeout,
                    @allowedResources, @deniedResources, @allowedPrompts, @deniedPrompts) RETURNING {Columns}
                """,
                Read, ct, [("id", Guid.CreateVersion7()), ("definition", definitionId), .. Parameters(tenantId, request)]))!;
            s.CatalogChanged(tenantId, install.Id, null, "install-created");
            return install;
        }, ct);

    public Task<Install?> UpdateAsync(Guid tenantId, Guid id, Guid definitionId, InstallRequest request, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var install = await s.QuerySingleAsync(
                $"""
                UPDATE registry.installs SET definition_id = @definition, auth_method_id = @method, slug = @slug, display_name = @display,
                    allowed_tools = @allowed, denied_tools = @denied, call_timeout_seconds = @timeout,
                    allowed_resources = @allowedResources, denied_resources = @deniedResources,
                    allowed_prompts = @allowedPrompts, denied_prompts = @deniedPrompts, updated_at = now()
                WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}
                """,
                Read, ct, [("id", id), ("definition", definitionId), .. Parameters(tenantId, request)]);
            if (install is not null)
            {
                s.CatalogChanged(tenantId, id, null, "install-updated");
            }
            return install;
        }, ct);

    /// <summary>Deletes the install with its credentials; live ones are announced revoked and their vault secrets queued for revocation.</summary>
    public Task<bool> DeleteAsync(Guid tenantId, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(async s =>
        {
            var live = await s.QueryAsync(
                "SELECT id, subject_identity_id, secret_handles::text FROM registry.credentials WHERE tenant_id = @tenant AND install_id = @id AND status <> 'revoked' FOR UPDATE",
                r => (Id: r.GetGuid(0), Subject: r.GetGuid(1), Handles: CredentialStore.ParseHandles(r.GetString(2))), ct, ("tenant", tenantId), ("id", id));
            if (await s.ExecuteAsync("DELETE FROM registry.installs WHERE tenant_id = @tenant AND id = @id", ct, ("tenant", tenantId), ("id", id)) == 0)
            {
                return false;
            }
            foreach (var credential in live)
            {
                await PendingSecretRevocations.QueueCredentialAsync(s, tenantId, credential.Handles, options.Value.UpstreamRevocationHold, ct);
                s.CredentialRevoked(tenantId, credential.Id, id, credential.Subject);
            }
            s.CatalogChanged(tenantId, id, null, "install-deleted");
            return true;
        }, ct);

    /// <summary>
    /// The installs a subject of the tenant may use (every install of the tenant), with whether the subject is
    /// connected: holds a live credential, or the method needs none. Null if the subject is not in the tenant.
    /// </summary>
    public Task<List<InstallInfo>?> ListForSubjectAsync(Guid tenantId, Guid subjectId, CancellationToken ct) =>
        database.ReadAsync(async s =>
        {
            if (await IdentityStore.GetAsync(s, tenantId, subjectId, ct) is null)
            {
                return null;
            }
            return await s.QueryAsync(
                """
                SELECT i.id, i.tenant_id, i.slug, d.name, d.kind, d.base_url, m.kind AS auth_kind, i.allowed_tools, i.denied_tools, i.call_timeout_seconds,
                    i.allowed_resources, i.denied_resources, i.allowed_prompts, i.denied_prompts,
                    m.kind IN ('none', 'client-credentials') OR EXISTS (
                        SELECT 1 FROM registry.credentials c
                        WHERE c.tenant_id = i.tenant_id AND c.install_id = i.id AND c.subject_identity_id = @subject
                          AND c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > now())) AS connected
                FROM registry.installs i
                JOIN registry.auth_methods m ON m.tenant_id = i.tenant_id AND m.id = i.auth_method_id
                JOIN registry.definitions d ON d.id = i.definition_id
                WHERE i.tenant_id = @tenant
                ORDER BY i.slug
                """,
                r => new InstallInfo(
                    r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetFieldValue<string[]>(7), r.GetFieldValue<string[]>(8), r.GetInt32(9), r.GetBoolean(14))
                {
                    AllowedResources = r.GetFieldValue<string[]>(10),
                    DeniedResources = r.GetFieldValue<string[]>(11),
                    AllowedPrompts = r.GetFieldValue<string[]>(12),
                    DeniedPrompts = r.GetFieldValue<string[]>(13),
                },
                ct, ("tenant", tenantId), ("subject", subjectId));
        }, ct);

    public Task<InstallOAuthSettings?> GetOAuthSettingsAsync(Guid tenantId, Guid installId, CancellationToken ct) =>
        database.ReadAsync(s => s.QuerySingleAsync(
            """
            SELECT i.id, i.tenant_id, d.base_url, m.kind, m.client_id, m.client_secret_id, m.token_endpoint_auth_method, m.scopes,
                m.authorization_endpoint, m.token_endpoint, m.resource_on_refresh, COALESCE(i.display_name, d.name) AS display_name
            FROM registry.installs i
            JOIN registry.auth_methods m ON m.tenant_id = i.tenant_id AND m.id = i.auth_method_id
            JOIN registry.definitions d ON d.id = i.definition_id
            WHERE i.tenant_id = @tenant AND i.id = @install AND m.kind IN ('oauth', 'client-credentials')
            """,
            r => new InstallOAuthSettings(
                r.Guid("id"), r.Guid("tenant_id"), r.String("base_url"), r.String("kind"), r.NullableString("client_id"), r.NullableGuid("client_secret_id"),
                r.NullableString("token_endpoint_auth_method"), r.Strings("scopes"), r.NullableString("authorization_endpoint"),
                r.NullableString("token_endpoint"), r.Bool("resource_on_refresh"))
            {
                DisplayName = r.NullableString("display_name"),
            },
            ct, ("tenant", tenantId), ("install", installId)), ct);

    private static (string, object?)[] Parameters(Guid tenantId, InstallRequest request) =>
    [
        ("tenant", tenantId), ("method", request.AuthMethodId), ("slug", request.Slug), ("display", request.DisplayName),
        ("allowed", (request.AllowedTools ?? []).Distinct(StringComparer.Ordinal).ToArray()),
        ("denied", (request.DeniedTools ?? []).Distinct(StringComparer.Ordinal).ToArray()),
        ("timeout", request.CallTimeoutSeconds ?? DefaultCallTimeoutSeconds),
        ("allowedResources", Distinct(request.AllowedResources)),
        ("deniedResources", Distinct(request.DeniedResources)),
        ("allowedPrompts", Distinct(request.AllowedPrompts)),
        ("deniedPrompts", Distinct(request.DeniedPrompts)),
    ];

    private static string[] Distinct(IReadOnlyList<string>? values) => [.. (values ?? []).Distinct(StringComparer.Ordinal)];

    private static Install Read(NpgsqlDataReader r) => new(
        r.Guid("id"), r.String("slug"), r.NullableString("display_name"), r.Guid("definition_id"), r.Guid("auth_method_id"),
        r.Strings("allowed_tools"), r.Strings("denied_tools"), r.Int("call_timeout_seconds"), r.Time("created_at"), r.Time("updated_at"))
    {
        AllowedResources = r.Strings("allowed_resources"),
        DeniedResources = r.Strings("denied_resources"),
        AllowedPrompts = r.Strings("allowed_prompts"),
        DeniedPrompts = r.Strings("denied_prompts"),
    };
}
