using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>
/// A fresh tenant (made with the platform operator key through the registry's API) with an admin-key client on the
/// gateway, one Space and the identities routes attribute events to (<c>ops</c> with e-mail <c>ops@example.test</c>,
/// <c>subject-7</c>, <c>outage-test</c>): what a tenant admin needs to set up webhook routes.
/// </summary>
public sealed class WebhookTenant : IDisposable
{
    private WebhookTenant(string slug, Guid tenantId, Guid spaceId, HttpClient admin)
    {
        Slug = slug;
        TenantId = tenantId;
        SpaceId = spaceId;
        Admin = admin;
    }

    public string Slug { get; }

    public Guid TenantId { get; }

    /// <summary>The tenant's first Space.</summary>
    public Guid SpaceId { get; }

    /// <summary>The gateway, with <c>Authorization: Bearer adm_…</c> of this tenant.</summary>
    public HttpClient Admin { get; }

    public static async Task<WebhookTenant> CreateAsync(DistributedApplicationFixture platform)
    {
        var operatorKey = ReadParameter(platform.App.DataDirectory, "platform-operator-key");
        var slug = "wh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        using var operatorClient = platform.CreateHttpClient("gateway");
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        using var created = await operatorClient.PostAsJsonAsync("/api/registry/operator/tenants", new { slug, name = $"Webhooks {slug}" });
        await EnsureAsync(created, "create tenant");
        using var tenantJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var tenantId = tenantJson.RootElement.GetProperty("tenant").GetProperty("id").GetGuid();
        var adminKey = tenantJson.RootElement.GetProperty("adminKey").GetProperty("key").GetString()!;

        var admin = platform.CreateHttpClient("gateway");
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var tenant = new WebhookTenant(slug, tenantId, Guid.Empty, admin);
        await tenant.CreateIdentityAsync("ops", "ops@example.test");
        await tenant.CreateIdentityAsync("subject-7");
        await tenant.CreateIdentityAsync("outage-test");
        return new WebhookTenant(slug, tenantId, await tenant.CreateSpaceAsync("inbox"), admin);
    }

    public async Task<Guid> CreateIdentityAsync(string name, string? email = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/registry/identities", new { name, email });
        await EnsureAsync(response, "create identity");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    public async Task<Guid> CreateSpaceAsync(string slug)
    {
        using var response = await Admin.PostAsJsonAsync("/api/registry/spaces", new { slug, name = slug, description = "webhook target" });
        await EnsureAsync(response, "create space");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Creates a route on the tenant's first Space (unless the request names another) and returns it with any generated secret.</summary>
    public async Task<RouteWithSecretDto> CreateRouteAsync(string slug, string scheme, string? secret = null, int? maxPayloadBytes = null,
        string? requesterIdentity = null, string? credentialSubject = null, Guid? spaceId = null)
    {
        using var response = await Admin.PostAsJsonAsync("/api/webhooks/routes", new
        {
            slug, scheme, secret, maxPayloadBytes, requesterIdentity, credentialSubject, spaceId = spaceId ?? SpaceId,
        });
        await EnsureAsync(response, "create route");
        return (await response.Content.ReadFromJsonAsync<RouteWithSecretDto>())!;
    }

    public async Task<IReadOnlyList<SpaceEventDto>> GetSpaceEventsAsync(Guid spaceId, int limit = 200, Guid? before = null)
    {
        var query = $"/api/webhooks/spaces/{spaceId}/events?limit={limit}" + (before is { } b ? $"&before={b}" : "");
        return (await Admin.GetFromJsonAsync<List<SpaceEventDto>>(query))!;
    }

    public void Dispose() => Admin.Dispose();

    private static string ReadParameter(string dataDirectory, string name)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dataDirectory, "parameters.json")));
        return values?.GetValueOrDefault(name) ?? throw new InvalidOperationException($"parameters.json has no '{name}'.");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = SecretRedactor.Redact(await response.Content.ReadAsStringAsync());
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {body}", null, response.StatusCode);
        }
    }
}
