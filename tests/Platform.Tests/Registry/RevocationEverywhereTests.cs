using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// Revoked means refused on every API, not only the registry's and the edge's: webhook-ingress and audit-writer
/// drop cached principals on the revocation event. The wait is far below their 30 s principal cache, so only the
/// event can make these pass.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RevocationEverywhereTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan WellUnderTheCache = TimeSpan.FromSeconds(10);

    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public async Task A_revoked_admin_key_is_refused_by_the_webhook_and_audit_apis()
    {
        using var tenant = await _registry.CreateTenantAsync("revall");
        var issued = await tenant.PostAsync("/api/registry/admin-keys", new { name = "short-lived" }, "issue admin key");
        using var key = _registry.Gateway(issued.GetProperty("key").GetString());
        // Used once on each API, so each service holds the principal in its cache.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(key, HttpMethod.Get, "/api/webhooks/routes"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(key, HttpMethod.Get, "/api/audit/tool-calls?limit=1"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(key, HttpMethod.Get, "/api/usage/model-calls?limit=1"));

        await tenant.PostAsync($"/api/registry/admin-keys/{issued.GetProperty("id").GetGuid()}/revoke", new { }, "revoke admin key");

        await Eventually.UntilAsync(
            async () => await StatusAsync(key, HttpMethod.Get, "/api/webhooks/routes") == HttpStatusCode.Unauthorized
                && await StatusAsync(key, HttpMethod.Get, "/api/audit/tool-calls?limit=1") == HttpStatusCode.Unauthorized
                && await StatusAsync(key, HttpMethod.Get, "/api/usage/model-calls?limit=1") == HttpStatusCode.Unauthorized,
            WellUnderTheCache,
            () => "the revoked admin key still works on the webhook or audit API");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(tenant.Admin, HttpMethod.Get, "/api/webhooks/routes"));
    }

    [Fact]
    public async Task A_revoked_agent_token_is_refused_by_the_usage_api()
    {
        using var tenant = await _registry.CreateTenantAsync("revagt");
        var agent = await tenant.CreateAgentAsync("reporter", await tenant.CreateIdentityAsync("owner"));
        var (tokenId, token) = await tenant.IssueTokenAsync(agent);
        using var agentClient = _registry.Gateway(token);
        // An empty report is refused for its content (400) once the token is accepted: the principal is now cached.
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(agentClient, HttpMethod.Post, "/api/usage/model-calls", new { }));

        await tenant.PostAsync($"/api/registry/agents/{agent}/tokens/{tokenId}/revoke", new { }, "revoke token");

        await Eventually.UntilAsync(
            async () => await StatusAsync(agentClient, HttpMethod.Post, "/api/usage/model-calls", new { }) == HttpStatusCode.Unauthorized,
            WellUnderTheCache,
            () => "the revoked agent token still works on the usage API");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
