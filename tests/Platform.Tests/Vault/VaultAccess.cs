using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationRegistry.Client;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Vault;

/// <summary>
/// Calls the vault's internal API directly (its URL from endpoints.json) as a given platform service, with the
/// service key the AppHost generated into <c>&lt;data-dir&gt;/parameters.json</c>.
/// </summary>
public sealed class VaultAccess(DistributedApplication app)
{
    public const string Resource = "secrets-vault";

    private readonly IReadOnlyDictionary<string, string> _parameters =
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(app.DataDirectory, "parameters.json")))
        ?? throw new InvalidDataException("parameters.json holds null.");

    public DistributedApplication App => app;

    public string ServiceKey(string service) => _parameters[$"{service}-service-key"];

    public string OperatorKey => _parameters["platform-operator-key"];

    public string MasterKey => _parameters["vault-master-key"];

    /// <summary>A client presenting <paramref name="caller"/>'s service key; no credential when null.</summary>
    public HttpClient Http(string? caller)
    {
        var http = app.CreateHttpClient(Resource);
        if (caller is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", ServiceKey(caller));
        }
        return http;
    }

    /// <summary>The <see cref="VaultClient"/> other services use, as <paramref name="caller"/>.</summary>
    public VaultClient Client(string caller) => new(Http(caller));

    /// <summary>
    /// The tenant <see cref="VaultCanary.TenantSlug"/> of this platform (made on first use, with the operator key):
    /// env references must name a variable of their own tenant, so the canary's variable belongs to it.
    /// </summary>
    public async Task<Guid> CanaryTenantAsync() => (await TenantAsync(VaultCanary.TenantSlug)).Id;

    /// <summary>The tenant with this slug, made through the gateway with the operator key if it does not exist yet.</summary>
    public async Task<(Guid Id, string Slug)> TenantAsync(string slug)
    {
        using var gateway = app.CreateHttpClient("gateway");
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        using var created = await gateway.PostAsJsonAsync("/api/registry/operator/tenants", new { slug, name = $"Vault test {slug}" });
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            created.EnsureSuccessStatusCode();
            var json = await created.Content.ReadFromJsonAsync<JsonElement>();
            return (json.GetProperty("tenant").GetProperty("id").GetGuid(), slug);
        }
        using var registry = app.CreateHttpClient("integration-registry");
        registry.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Service", ServiceKey("webhook-ingress"));
        var tenant = await new RegistryClient(registry).GetTenantBySlugAsync(slug, CancellationToken.None)
            ?? throw new InvalidOperationException($"Tenant {slug} was neither created nor found.");
        return (tenant.TenantId, slug);
    }

    public HttpClient Operator()
    {
        var http = app.CreateHttpClient(Resource);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return http;
    }
}
