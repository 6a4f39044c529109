using System.Net;
using System.Net.Http.Json;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>Each vault operation against every kind of caller: allowed services succeed, other services get 403, anyone else 401.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VaultPermissionTests(DistributedApplicationFixture fixture)
{
    private const string Registry = "integration-registry";
    private const string Broker = "oauth-broker";
    private const string Edge = "mcp-edge";
    private const string Webhooks = "webhook-ingress";
    private const string Audit = "audit-writer";
    private const string Gateway = "gateway";

    private static readonly string[] Services = [Registry, Broker, Edge, Webhooks, Audit, Gateway];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["create"] = [Registry, Broker, Webhooks],
        ["update"] = [Registry, Broker, Webhooks],
        ["revoke"] = [Registry, Broker, Webhooks],
        ["resolve"] = [Edge, Broker, Webhooks],
        ["metadata"] = [Registry, Broker, Edge, Webhooks],
        ["keys"] = [],
    };

    private static readonly Dictionary<string, HttpStatusCode> Success = new()
    {
        ["create"] = HttpStatusCode.Created,
        ["update"] = HttpStatusCode.Created,
        ["revoke"] = HttpStatusCode.NoContent,
        ["resolve"] = HttpStatusCode.OK,
        ["metadata"] = HttpStatusCode.OK,
    };

    private readonly VaultAccess _vault = new(fixture.App);

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in Allowed.Keys)
        {
            foreach (var caller in Services.Append("none").Append("forged"))
            {
                data.Add(operation, caller);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_operation_is_allowed_only_to_its_callers(string operation, string caller)
    {
        var tenant = Guid.NewGuid();
        var purpose = HomePurpose(caller);
        var secret = await _vault.Client(WriterOf(purpose)).CreateEncryptedAsync(tenant, purpose, VaultCanary.Variant("permissions"), CancellationToken.None);
        using var http = caller switch
        {
            "none" => _vault.Http(null),
            "forged" => Forged(),
            _ => _vault.Http(caller),
        };

        using var response = await SendAsync(http, operation, tenant, secret.SecretId, purpose);

        var expected = Allowed[operation].Contains(caller) ? Success[operation]
            : Services.Contains(caller) && IsVaultCaller(caller) && operation != "keys" ? HttpStatusCode.Forbidden
            : HttpStatusCode.Unauthorized;
        Assert.Equal(expected, response.StatusCode);
        if (!(operation == "resolve" && expected == HttpStatusCode.OK))
        {
            // Only a successful resolve carries material.
            CanaryAssert.Absent(await response.Content.ReadAsStringAsync(), $"the {operation} response to {caller}");
        }
    }

    [Fact]
    public async Task The_operator_key_opens_the_key_endpoints_and_nothing_else()
    {
        using var operatorClient = _vault.Operator();

        using var status = await operatorClient.GetAsync("/internal/keys");
        using var resolve = await operatorClient.GetAsync($"/internal/tenants/{Guid.NewGuid()}/secrets/{Guid.NewGuid()}/value");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, resolve.StatusCode);
    }

    [Fact]
    public async Task There_is_no_endpoint_that_lists_secrets()
    {
        using var http = _vault.Http(Broker);

        foreach (var path in new[] { "/internal/secrets", $"/internal/tenants/{Guid.NewGuid()}/secrets" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"GET {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_gateway_does_not_route_to_the_vault()
    {
        using var gateway = fixture.CreateHttpClient("gateway");

        foreach (var path in new[] { "/internal/secrets", "/api/vault/about", "/internal/keys" })
        {
            using var response = await gateway.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    /// <summary>
    /// A purpose the caller has business with, so this test sees only the service layer; the purpose layer is
    /// <see cref="Security.SecretPurposeMatrixTests"/>'s.
    /// </summary>
    private static string HomePurpose(string caller) => caller switch
    {
        Broker => SecretPurposes.OAuthToken,
        Webhooks => SecretPurposes.WebhookSigningSecret,
        _ => SecretPurposes.UpstreamCredential,
    };

    private static string WriterOf(string purpose) => purpose switch
    {
        SecretPurposes.OAuthToken => Broker,
        SecretPurposes.WebhookSigningSecret => Webhooks,
        _ => Registry,
    };

    /// <summary>Services whose key the vault knows: those that reference it in the application model.</summary>
    private static bool IsVaultCaller(string service) => service is Registry or Broker or Edge or Webhooks;

    private HttpClient Forged()
    {
        var http = _vault.Http(null);
        http.DefaultRequestHeaders.Authorization = new("Service", VaultCanary.Variant("forged-key"));
        return http;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string operation, Guid tenant, Guid secret, string purpose) => operation switch
    {
        "create" => http.PostAsJsonAsync("/internal/secrets", new CreateSecretRequest(tenant, SecretKinds.Encrypted, purpose, Value: VaultCanary.Variant("create"))),
        "update" => http.PostAsJsonAsync($"/internal/tenants/{tenant}/secrets/{secret}/versions", new UpdateSecretRequest(VaultCanary.Variant("update"))),
        "revoke" => http.DeleteAsync($"/internal/tenants/{tenant}/secrets/{secret}"),
        "resolve" => http.GetAsync($"/internal/tenants/{tenant}/secrets/{secret}/value"),
        "metadata" => http.GetAsync($"/internal/tenants/{tenant}/secrets/{secret}"),
        _ => http.PostAsync("/internal/keys/rewrap", content: null),
    };
}
