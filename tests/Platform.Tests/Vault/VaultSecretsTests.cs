using System.Text;
using Platform.SecretsVault.Client;
using static Platform.SecretsVault.Client.SecretPurposes;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>The three forms, versions and revocation through the real vault, as the other services call it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultSecretsTests(DistributedApplicationFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly VaultAccess _vault = new(fixture.App);
    private readonly VaultDatabase _db = new(fixture.GetConnectionString("vaultdb"));
    private readonly Guid _tenant = Guid.NewGuid();

    [Fact]
    public async Task Encrypted_secret_round_trips_and_is_stored_only_as_ciphertext()
    {
        var value = VaultCanary.Variant("encrypted");
        var handle = await _vault.Client("integration-registry").CreateEncryptedAsync(_tenant, UpstreamCredential, value, None);

        Assert.Equal(new SecretHandle(handle.SecretId, 1, SecretKinds.Encrypted), handle);
        Assert.Equal(value, await _vault.Client("mcp-edge").ResolveAsync(_tenant, handle.SecretId, None));
        var stored = await _db.QueryAsync(
            "SELECT kind, master_key_version, octet_length(nonce), octet_length(tag), octet_length(wrapped_key) FROM vault.secret_refs WHERE secret_id = $1",
            r => (r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), handle.SecretId);
        Assert.Equal([(SecretKinds.Encrypted, 1, 12, 16, 60)], stored);
        CanaryAssert.Absent(await _db.RowsOfAsync(handle.SecretId), "vaultdb's rows");
        CanaryAssert.Absent(Encoding.UTF8.GetString(await _db.StoredBytesAsync(handle.SecretId)), "vaultdb's bytea columns");
    }

    [Fact]
    public async Task Update_makes_a_new_version_and_destroys_the_old_key_material()
    {
        var writer = _vault.Client("oauth-broker");
        var handle = await writer.CreateEncryptedAsync(_tenant, OAuthRefreshToken, VaultCanary.Variant("v1"), None);

        var updated = await writer.UpdateAsync(_tenant, handle.SecretId, VaultCanary.Variant("v2"), None);

        Assert.Equal(2, updated.Version);
        Assert.Equal(VaultCanary.Variant("v2"), await writer.ResolveAsync(_tenant, handle.SecretId, None));
        var versions = await _db.QueryAsync(
            "SELECT version, ciphertext IS NULL AND wrapped_key IS NULL AND destroyed_at IS NOT NULL FROM vault.secret_refs WHERE secret_id = $1 ORDER BY version",
            r => (r.GetInt32(0), r.GetBoolean(1)), handle.SecretId);
        Assert.Equal([(1, true), (2, false)], versions);
        Assert.Equal(2, (await writer.GetMetadataAsync(_tenant, handle.SecretId, None))?.Version);
    }

    [Fact]
    public async Task Revoke_shreds_every_version_and_later_resolves_fail_clearly()
    {
        var writer = _vault.Client("webhook-ingress");
        var handle = await writer.CreateEncryptedAsync(_tenant, WebhookSigningSecret, VaultCanary.Variant("revoke"), None);
        await writer.UpdateAsync(_tenant, handle.SecretId, VaultCanary.Variant("revoke-v2"), None);

        await writer.RevokeAsync(_tenant, handle.SecretId, None);
        await writer.RevokeAsync(_tenant, handle.SecretId, None);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => writer.ResolveAsync(_tenant, handle.SecretId, None));
        Assert.Equal(SecretUnavailableReason.Revoked, error.Reason);
        Assert.Contains(handle.SecretId.ToString(), error.Message, StringComparison.Ordinal);
        CanaryAssert.Absent(error.ToString(), "the SecretUnavailableException");
        Assert.Empty(await _db.StoredBytesAsync(handle.SecretId));
        Assert.Equal("revoked", (await writer.GetMetadataAsync(_tenant, handle.SecretId, None))?.Status);
        var rejected = await Assert.ThrowsAsync<SecretUnavailableException>(() => writer.UpdateAsync(_tenant, handle.SecretId, VaultCanary.Variant("after-revoke"), None));
        Assert.Equal(SecretUnavailableReason.Revoked, rejected.Reason);
    }

    [Fact]
    public async Task Another_tenants_secret_looks_exactly_like_an_unknown_one()
    {
        var handle = await _vault.Client("integration-registry").CreateEncryptedAsync(_tenant, UpstreamCredential, VaultCanary.Variant("tenant-a"), None);
        var edge = _vault.Client("mcp-edge");
        var writer = _vault.Client("integration-registry");
        var otherTenant = Guid.NewGuid();

        var crossTenant = await Assert.ThrowsAsync<SecretUnavailableException>(() => edge.ResolveAsync(otherTenant, handle.SecretId, None));
        var unknown = await Assert.ThrowsAsync<SecretUnavailableException>(() => edge.ResolveAsync(_tenant, Guid.NewGuid(), None));
        await Assert.ThrowsAsync<SecretUnavailableException>(() => writer.UpdateAsync(otherTenant, handle.SecretId, VaultCanary.Variant("cross"), None));
        await Assert.ThrowsAsync<SecretUnavailableException>(() => writer.RevokeAsync(otherTenant, handle.SecretId, None));

        Assert.Equal(SecretUnavailableReason.NotFound, crossTenant.Reason);
        Assert.Equal(SecretUnavailableReason.NotFound, unknown.Reason);
        Assert.Null(await writer.GetMetadataAsync(otherTenant, handle.SecretId, None));
        Assert.Equal(VaultCanary.Variant("tenant-a"), await edge.ResolveAsync(_tenant, handle.SecretId, None));
    }

    [Fact]
    public async Task Env_reference_resolves_an_allowed_variable_of_the_vault_process()
    {
        var writer = _vault.Client("integration-registry");
        var tenant = await _vault.CanaryTenantAsync();
        var handle = await writer.CreateEnvReferenceAsync(tenant, UpstreamCredential, VaultCanary.EnvVariable, None);
        var missing = await writer.CreateEnvReferenceAsync(tenant, UpstreamCredential, VaultCanary.EnvVariable + "_NEVER_SET", None);

        Assert.Equal(SecretKinds.Env, handle.Kind);
        Assert.Equal(VaultCanary.EnvValue, await _vault.Client("mcp-edge").ResolveAsync(tenant, handle.SecretId, None));
        var unavailable = await Assert.ThrowsAsync<SecretUnavailableException>(() => _vault.Client("mcp-edge").ResolveAsync(tenant, missing.SecretId, None));
        Assert.Equal(SecretUnavailableReason.SourceUnavailable, unavailable.Reason);
        var update = await Assert.ThrowsAsync<SecretRejectedException>(() => writer.UpdateAsync(tenant, handle.SecretId, VaultCanary.Variant("env-update"), None));
        Assert.Equal(409, update.StatusCode);
    }

    [Theory]
    [InlineData("ConnectionStrings__vaultdb")]
    [InlineData("Vault__MasterKeys__1")]
    [InlineData("Vault__OperatorKey")]
    [InlineData("ServiceAuth__Key")]
    [InlineData("ServiceAuth__Callers__mcp-edge")]
    [InlineData("PATH")]
    public async Task Env_references_to_the_platforms_own_variables_are_refused_at_creation(string variable)
    {
        var tenant = await _vault.CanaryTenantAsync();
        var error = await Assert.ThrowsAsync<SecretRejectedException>(
            () => _vault.Client("integration-registry").CreateEnvReferenceAsync(tenant, UpstreamCredential, variable, None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("variableName", error.Errors.Keys);
        Assert.Empty(await _db.QueryAsync("SELECT 1 FROM vault.secret_refs WHERE env_variable = $1 AND tenant_id = $2", r => r.GetInt32(0), variable, tenant));
    }

    [Fact]
    public async Task Cloud_references_are_refused_while_no_key_vault_host_is_allowed()
    {
        var tenant = await _vault.CanaryTenantAsync();
        var error = await Assert.ThrowsAsync<SecretRejectedException>(() => _vault.Client("oauth-broker").CreateCloudReferenceAsync(
            tenant, OAuthClientSecret, new Uri("https://contoso.vault.azure.net/secrets/client-secret"), None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("secretIdentifier", error.Errors.Keys);
    }

    [Fact]
    public async Task Every_resolve_leaves_an_access_record_without_material()
    {
        var handle = await _vault.Client("integration-registry").CreateEncryptedAsync(_tenant, UpstreamCredential, VaultCanary.Variant("audit"), None);
        await _vault.Client("mcp-edge").ResolveAsync(_tenant, handle.SecretId, None);
        await Assert.ThrowsAsync<SecretUnavailableException>(() => _vault.Client("oauth-broker").ResolveAsync(_tenant, handle.SecretId, None));
        await Assert.ThrowsAsync<SecretUnavailableException>(() => _vault.Client("webhook-ingress").ResolveAsync(Guid.NewGuid(), handle.SecretId, None));
        await Assert.ThrowsAsync<SecretUnavailableException>(() => _vault.Client("integration-registry").ResolveAsync(_tenant, handle.SecretId, None));
        using (var anonymous = _vault.Http(null))
        {
            using var refused = await anonymous.GetAsync($"/internal/tenants/{_tenant}/secrets/{handle.SecretId}/value");
        }
        await _vault.Client("integration-registry").RevokeAsync(_tenant, handle.SecretId, None);
        await Assert.ThrowsAsync<SecretUnavailableException>(() => _vault.Client("mcp-edge").ResolveAsync(_tenant, handle.SecretId, None));

        var records = await _db.QueryAsync(
            "SELECT caller, operation, outcome, occurred_at FROM vault.access_log WHERE secret_id = $1 ORDER BY id",
            r => (Caller: r.GetString(0), Operation: r.GetString(1), Outcome: r.GetString(2), At: r.GetFieldValue<DateTimeOffset>(3)), handle.SecretId);

        Assert.Equal(
            [
                ("integration-registry", "create", "ok"),
                ("mcp-edge", "resolve", "ok"),
                ("oauth-broker", "resolve", "refused"),
                ("webhook-ingress", "resolve", "not-found"),
                ("integration-registry", "resolve", "denied"),
                ("unauthenticated", "resolve", "unauthenticated"),
                ("integration-registry", "revoke", "ok"),
                ("mcp-edge", "resolve", "revoked"),
            ],
            records.Select(r => (r.Caller, r.Operation, r.Outcome)));
        Assert.All(records, r => Assert.InRange(r.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        var columns = await _db.QueryAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'vault' AND table_name = 'access_log' ORDER BY ordinal_position",
            r => r.GetString(0));
        Assert.Equal(["id", "occurred_at", "caller", "operation", "tenant_id", "secret_id", "version", "outcome"], columns);
    }
}
