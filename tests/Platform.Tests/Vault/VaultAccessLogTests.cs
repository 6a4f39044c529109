using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using static Platform.SecretsVault.Client.SecretPurposes;

namespace Platform.Tests.Vault;

/// <summary>
/// The access log's group commit against the real vault and PostgreSQL: concurrent resolves each leave their own
/// record, and a resolve whose record cannot be committed answers no material.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultAccessLogTests(DistributedApplicationFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly VaultAccess _vault = new(fixture.App);
    private readonly VaultDatabase _db = new(fixture.GetConnectionString("vaultdb"));
    private readonly Guid _tenant = Guid.NewGuid();

    [Fact]
    public async Task Concurrent_resolves_each_leave_their_own_record()
    {
        var value = VaultCanary.Variant("concurrent");
        var handle = await _vault.Client("integration-registry").CreateEncryptedAsync(_tenant, UpstreamCredential, value, None);
        var edge = _vault.Client("mcp-edge");
        var broker = _vault.Client("oauth-broker");

        var resolved = Enumerable.Range(0, 24).Select(_ => edge.ResolveAsync(_tenant, handle.SecretId, None)).ToList();
        var refused = Enumerable.Range(0, 8)
            .Select(_ => Assert.ThrowsAsync<SecretUnavailableException>(() => broker.ResolveAsync(_tenant, handle.SecretId, None)))
            .ToList();
        Assert.All(await Task.WhenAll(resolved), material => Assert.Equal(value, material));
        await Task.WhenAll(refused);

        var records = await _db.QueryAsync(
            "SELECT caller, outcome, version, tenant_id FROM vault.access_log WHERE secret_id = $1 AND operation = 'resolve'",
            r => (Caller: r.GetString(0), Outcome: r.GetString(1), Version: r.GetInt32(2), Tenant: r.GetGuid(3)), handle.SecretId);
        Assert.Equal(24, records.Count(r => r == ("mcp-edge", "ok", 1, _tenant)));
        Assert.Equal(8, records.Count(r => r == ("oauth-broker", "refused", 1, _tenant)));
        Assert.Equal(32, records.Count);
    }

    [Fact]
    public async Task A_resolve_whose_record_cannot_be_committed_answers_503_without_material()
    {
        var value = VaultCanary.Variant("unrecorded");
        var handle = await _vault.Client("integration-registry").CreateEncryptedAsync(_tenant, UpstreamCredential, value, None);
        var trigger = $"refuse_{handle.SecretId:N}";
        await _db.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION vault.test_refuse_access_record() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'the test refuses this access record'; END $$
            """);
        await _db.ExecuteAsync($"""
            CREATE TRIGGER {trigger} BEFORE INSERT ON vault.access_log FOR EACH ROW
            WHEN (NEW.secret_id = '{handle.SecretId}') EXECUTE FUNCTION vault.test_refuse_access_record()
            """);
        try
        {
            using var http = _vault.Http("mcp-edge");
            using var response = await http.GetAsync($"/internal/tenants/{_tenant}/secrets/{handle.SecretId}/value");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("Access log unavailable", problem!.Title);
        }
        finally
        {
            await _db.ExecuteAsync($"DROP TRIGGER {trigger} ON vault.access_log");
        }

        Assert.Equal(value, await _vault.Client("mcp-edge").ResolveAsync(_tenant, handle.SecretId, None));
        var records = await _db.QueryAsync(
            "SELECT caller, operation, outcome FROM vault.access_log WHERE secret_id = $1 ORDER BY id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)), handle.SecretId);
        Assert.Equal([("integration-registry", "create", "ok"), ("mcp-edge", "resolve", "ok")], records);
    }
}
