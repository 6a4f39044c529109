using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.Security;

/// <summary>
/// Secret references bound to their tenant, through the real registry, vault, edge and gateway. Tenant A is the
/// canary tenant, whose own variable (<see cref="VaultCanary.EnvVariable"/>) every platform of this run inherits;
/// tenant B is fresh. B can neither create a reference to A's variable, the old global prefix or the platform's
/// own settings (400 naming the field), nor resolve one written before the binding existed (inserted into vaultdb
/// directly): the edge answers "not connected" and B's upstream receives no request. A's own reference works.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TenantSecretBindingTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);
    private readonly VaultAccess _vault = new(platform.App);
    private readonly VaultDatabase _vaultDb = new(platform.GetConnectionString("vaultdb"));

    public static TheoryData<string> NotBsVariables() =>
    [
        VaultCanary.EnvVariable,
        // The old global prefix, which every tenant could name before.
        "PLATFORM_SECRET_TICKETS",
        "ConnectionStrings__vaultdb",
        "Vault__MasterKeys__1",
        "ServiceAuth__Key",
        "OTEL_EXPORTER_OTLP_HEADERS",
    ];

    [Theory]
    [MemberData(nameof(NotBsVariables))]
    public async Task Tenant_b_cannot_create_a_reference_to_as_or_the_platforms_variables(string variable)
    {
        var b = await BoundWorld.CreateAsync(_registry, await _registry.CreateTenantAsync("bind-b"));
        await using var _ = b;

        using var response = await b.Tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = b.Install,
            subjectIdentityId = b.Subject,
            secrets = new Dictionary<string, object> { ["api-key"] = new { environmentVariable = variable } },
        });

        await AssertRefusedAsync(response, "secrets.api-key", variable);
        Assert.Empty(await _vaultDb.QueryAsync("SELECT 1 FROM vault.secret_refs WHERE tenant_id = $1", r => r.GetInt32(0), b.Tenant.Id));
        var direct = await Assert.ThrowsAsync<SecretRejectedException>(() =>
            _vault.Client("integration-registry").CreateEnvReferenceAsync(b.Tenant.Id, SecretPurposes.UpstreamCredential, variable, CancellationToken.None));
        Assert.Equal(400, direct.StatusCode);
        Assert.Equal(["variableName"], direct.Errors.Keys);
    }

    [Fact]
    public async Task Tenant_b_cannot_name_a_key_vault_the_operator_did_not_grant_it()
    {
        var b = await BoundWorld.CreateAsync(_registry, await _registry.CreateTenantAsync("bind-b"));
        await using var _ = b;

        using var response = await b.Tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = b.Install,
            subjectIdentityId = b.Subject,
            secrets = new Dictionary<string, object> { ["api-key"] = new { keyVaultSecretId = "https://contoso.vault.azure.net/secrets/tickets" } },
        });

        await AssertRefusedAsync(response, "secrets.api-key", "contoso");
    }

    [Theory]
    [MemberData(nameof(NotBsVariables))]
    public async Task A_reference_written_before_the_binding_is_refused_at_resolve_and_nothing_reaches_the_upstream(string variable)
    {
        var b = await BoundWorld.CreateAsync(_registry, await _registry.CreateTenantAsync("bind-b"));
        await using var _ = b;
        var handle = await b.ConnectAsync("placeholder-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        await RewriteAsEnvReferenceAsync(b.Tenant.Id, handle, variable);

        var answer = await b.CallAsync(platform);

        Assert.Contains("not connected", Assert.Single(answer.Messages).ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, b.Upstream.Requests);
        var refused = await Assert.ThrowsAsync<SecretUnavailableException>(() =>
            _vault.Client("mcp-edge").ResolveAsync(b.Tenant.Id, handle, CancellationToken.None));
        Assert.Equal(SecretUnavailableReason.Refused, refused.Reason);
        var outcomes = await _vaultDb.QueryAsync(
            "SELECT caller, outcome FROM vault.access_log WHERE secret_id = $1 AND operation = 'resolve'", r => (r.GetString(0), r.GetString(1)), handle);
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal(("mcp-edge", "refused"), o));
        CanaryAssert.Absent(answer.ToString(), "the edge's answer to tenant B");
    }

    [Fact]
    public async Task Tenant_as_own_reference_still_reaches_its_upstream()
    {
        var a = await BoundWorld.CreateAsync(_registry, await CanaryTenantAsync());
        await using var _ = a;

        using var created = await a.Tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = a.Install,
            subjectIdentityId = a.Subject,
            secrets = new Dictionary<string, object> { ["api-key"] = new { environmentVariable = VaultCanary.EnvVariable } },
        });
        await Api.ReadAsync(created, "create A's env credential");
        var answer = await a.CallAsync(platform);

        var result = Assert.Single(answer.Messages).GetProperty("result");
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), answer.ToString());
        Assert.Equal([$"Bearer {VaultCanary.EnvValue}"], a.Upstream.Authorizations.Distinct());
    }

    /// <summary>400 problem details naming <paramref name="field"/>, without echoing what was sent.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string sent)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {body}");
        Assert.DoesNotContain(sent, body, StringComparison.Ordinal);
    }

    /// <summary>What a row written before the binding existed looks like: the secret becomes an env reference to <paramref name="variable"/>.</summary>
    private async Task RewriteAsEnvReferenceAsync(Guid tenantId, Guid secretId, string variable)
    {
        await using var dataSource = NpgsqlDataSource.Create(platform.GetConnectionString("vaultdb"));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (sql, parameters) in new (string, object[])[]
        {
            ("DELETE FROM vault.secret_refs WHERE secret_id = $1", [secretId]),
            ("UPDATE vault.secrets SET kind = 'env', current_version = 1 WHERE id = $1", [secretId]),
            ("INSERT INTO vault.secret_refs (secret_id, tenant_id, kind, version, env_variable) VALUES ($1, $2, 'env', 1, $3)", [secretId, tenantId, variable]),
        })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>The canary tenant, with a fresh admin key from the operator.</summary>
    private async Task<TestTenant> CanaryTenantAsync()
    {
        var id = await _vault.CanaryTenantAsync();
        using var operatorClient = _registry.Gateway(_registry.OperatorKey);
        using var issued = await operatorClient.PostAsJsonAsync($"/api/registry/operator/tenants/{id}/admin-keys", new { name = "binding-test" });
        var key = (await Api.ReadAsync(issued, "issue an admin key")).GetProperty("key").GetString()!;
        return new TestTenant(id, VaultCanary.TenantSlug, key, _registry);
    }
}
