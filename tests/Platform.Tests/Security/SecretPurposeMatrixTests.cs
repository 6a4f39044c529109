using System.Net;
using System.Net.Http.Json;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.Vault;

namespace Platform.Tests.Security;

/// <summary>
/// Every platform service that holds a vault credential × every purpose, through the real vault: a create or
/// resolve outside the purpose matrix is answered 403 problem details and recorded as refused in the access log;
/// inside it, it succeeds.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecretPurposeMatrixTests(DistributedApplicationFixture platform)
{
    private const string Registry = "integration-registry";
    private const string Broker = "oauth-broker";
    private const string Edge = "mcp-edge";
    private const string Webhooks = "webhook-ingress";

    private static readonly string[] Callers = [Registry, Broker, Edge, Webhooks];

    private static readonly Dictionary<string, string[]> Resolvers = new()
    {
        [SecretPurposes.UpstreamCredential] = [Edge],
        [SecretPurposes.OAuthClientSecret] = [Broker],
        [SecretPurposes.OAuthToken] = [Edge, Broker],
        [SecretPurposes.OAuthRefreshToken] = [Broker],
        [SecretPurposes.WebhookSigningSecret] = [Webhooks],
    };

    private static readonly Dictionary<string, string[]> Creators = new()
    {
        [SecretPurposes.UpstreamCredential] = [Registry],
        [SecretPurposes.OAuthClientSecret] = [Registry, Broker],
        [SecretPurposes.OAuthToken] = [Broker],
        [SecretPurposes.OAuthRefreshToken] = [Broker],
        [SecretPurposes.WebhookSigningSecret] = [Webhooks],
    };

    private readonly VaultAccess _vault = new(platform.App);
    private readonly VaultDatabase _db = new(platform.GetConnectionString("vaultdb"));

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var caller in Callers)
        {
            foreach (var purpose in SecretPurposes.All)
            {
                cells.Add(caller, purpose);
            }
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_resolve_outside_the_matrix_is_refused_and_recorded(string caller, string purpose)
    {
        var tenant = Guid.NewGuid();
        var secret = await _vault.Client(Creators[purpose][0]).CreateEncryptedAsync(tenant, purpose, VaultCanary.Variant("purpose-matrix"), CancellationToken.None);
        using var http = _vault.Http(caller);

        using var response = await http.GetAsync($"/internal/tenants/{tenant}/secrets/{secret.SecretId}/value");

        var allowed = Resolvers[purpose].Contains(caller);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        var outcome = await _db.QueryAsync(
            "SELECT outcome FROM vault.access_log WHERE secret_id = $1 AND operation = 'resolve' AND caller = $2", r => r.GetString(0), secret.SecretId, caller);
        // The registry resolves nothing at all: the service layer refuses it before the purpose is looked at.
        Assert.Equal([allowed ? "ok" : caller == Registry ? "denied" : "refused"], outcome);
        if (!allowed)
        {
            CanaryAssert.Absent(await response.Content.ReadAsStringAsync(), $"the refusal to {caller}");
            if (caller != Registry)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_create_outside_the_matrix_is_refused_and_recorded(string caller, string purpose)
    {
        var tenant = Guid.NewGuid();
        using var http = _vault.Http(caller);

        using var response = await http.PostAsJsonAsync("/internal/secrets",
            new CreateSecretRequest(tenant, SecretKinds.Encrypted, purpose, Value: VaultCanary.Variant("purpose-create")));

        var allowed = Creators[purpose].Contains(caller);
        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(allowed ? 1 : 0, (await _db.QueryAsync("SELECT 1 FROM vault.secrets WHERE tenant_id = $1", r => r.GetInt32(0), tenant)).Count);
        if (caller != Edge)
        {
            var outcome = await _db.QueryAsync(
                "SELECT outcome FROM vault.access_log WHERE tenant_id = $1 AND operation = 'create'", r => r.GetString(0), tenant);
            Assert.Equal([allowed ? "ok" : "refused"], outcome);
        }
    }
}
