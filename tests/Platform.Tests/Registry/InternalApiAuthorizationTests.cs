using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// The internal API, called directly on the registry: no service credential → 401, an unknown one → 401, a known
/// service that is not allowed this endpoint → 403, an allowed one → an answer. And the gateway never routes it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InternalApiAuthorizationTests(DistributedApplicationFixture platform)
{
    private static readonly string[] Services = ["gateway", "mcp-edge", "oauth-broker", "webhook-ingress", "audit-writer", "secrets-vault"];

    private readonly RegistryPlatform _registry = new(platform);

    /// <summary>Each internal endpoint (with a request for tenant dev) and the callers allowed to use it.</summary>
    private IEnumerable<(HttpMethod Method, string Path, object? Body, string[] Allowed)> Endpoints()
    {
        var dev = _registry.Dev;
        // The gateway authenticates agent tokens itself, to key its rate limit on the agent.
        string[] auth = ["mcp-edge", "oauth-broker", "webhook-ingress", "audit-writer", "gateway"];
        string[] catalog = ["mcp-edge", "oauth-broker"];
        string[] tenants = ["webhook-ingress", "mcp-edge"];
        return
        [
            (HttpMethod.Post, "/internal/auth/agent-token", new { token = "agt_unknown" }, auth),
            (HttpMethod.Post, "/internal/auth/admin-key", new { key = "adm_unknown" }, auth),
            (HttpMethod.Get, "/internal/tenants/by-slug/dev", null, tenants),
            (HttpMethod.Get, $"/internal/tenants/{dev.Tenant.Id}/spaces/{Guid.NewGuid()}", null, tenants),
            (HttpMethod.Get, $"/internal/tenants/{dev.Tenant.Id}/subjects/{dev.Identity.Id}/installs", null, catalog),
            (HttpMethod.Post, "/internal/credentials/resolve", new { tenantId = dev.Tenant.Id, installId = Guid.NewGuid(), subjectId = dev.Identity.Id }, catalog),
            (HttpMethod.Post, $"/internal/tenants/{dev.Tenant.Id}/credentials/{Guid.NewGuid()}/needs-reauth", null, catalog),
            (HttpMethod.Get, $"/internal/tenants/{dev.Tenant.Id}/agent-endpoints", null, ["mcp-edge"]),
            (HttpMethod.Get, $"/internal/tenants/{dev.Tenant.Id}/installs/{Guid.NewGuid()}/oauth", null, ["oauth-broker"]),
            (HttpMethod.Put, $"/internal/tenants/{dev.Tenant.Id}/installs/{Guid.NewGuid()}/oauth-credentials/{dev.Identity.Id}",
                new { accessTokenSecretId = Guid.NewGuid(), scopes = Array.Empty<string>() }, ["oauth-broker"]),
            (HttpMethod.Post, $"/internal/tenants/{dev.Tenant.Id}/secret-holds/release", new { secretIds = new[] { Guid.NewGuid() } }, ["oauth-broker"]),
            (HttpMethod.Put, "/internal/signing-keys/authz-test-key", new { publicJwk = PublicJwk("authz-test-key"), expiresAt = DateTimeOffset.UtcNow.AddMinutes(5) }, ["mcp-edge"]),
        ];
    }

    [Fact]
    public async Task Without_a_service_credential_every_internal_endpoint_answers_401()
    {
        using var anonymous = _registry.Internal(null);
        using var wrong = _registry.Internal(null);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", "not-a-service-key");
        using var adminKey = _registry.Internal(null);
        adminKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _registry.Dev.AdminKey);

        foreach (var (method, path, body, _) in Endpoints())
        {
            foreach (var client in new[] { anonymous, wrong, adminKey })
            {
                using var response = await SendAsync(client, method, path, body);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a service credential");
            }
        }
    }

    [Fact]
    public async Task Each_service_may_call_exactly_the_endpoints_allowed_to_it()
    {
        var clients = Services.ToDictionary(s => s, _registry.Internal);
        try
        {
            foreach (var (method, path, body, allowed) in Endpoints())
            {
                foreach (var (service, client) in clients)
                {
                    using var response = await SendAsync(client, method, path, body);
                    if (allowed.Contains(service))
                    {
                        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.NoContent,
                            $"{service} → {method} {path} answered {(int)response.StatusCode}");
                    }
                    else
                    {
                        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized,
                            $"{service} → {method} {path} answered {(int)response.StatusCode}, but it is not allowed");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_service_that_references_the_registry_but_is_not_allowed_gets_403()
    {
        // The gateway's key is a known caller, allowed the authentication endpoints only.
        using var gateway = _registry.Internal("gateway");
        using var response = await gateway.GetAsync("/internal/tenants/by-slug/dev");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/internal/tenants/by-slug/dev")]
    [InlineData("/api/registry/../../internal/tenants/by-slug/dev")]
    [InlineData("/api/registry/%2e%2e/%2e%2e/internal/tenants/by-slug/dev")]
    [InlineData("/api/registry/..%2f..%2finternal/tenants/by-slug/dev")]
    public async Task The_gateway_does_not_route_the_internal_api(string path)
    {
        using var client = _registry.Gateway(null);
        // Sent exactly as written: HttpClient would otherwise resolve the dot segments before the gateway sees them.
        var raw = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, raw);
        request.Headers.Authorization = new AuthenticationHeaderValue("Service", _registry.ServiceKey("mcp-edge"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A throwaway EC public key, so the signing-key endpoint has a valid body to accept.</summary>
    private static Dictionary<string, string> PublicJwk(string kid)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        return new() { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Convert.ToBase64String(q.X!).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            ["y"] = Convert.ToBase64String(q.Y!).TrimEnd('=').Replace('+', '-').Replace('/', '_'), ["kid"] = kid };
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return await client.SendAsync(request);
    }
}
