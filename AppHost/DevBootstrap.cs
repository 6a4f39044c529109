using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.AppHost;

/// <summary>
/// On the first start of a data folder, gives a newcomer something to call the platform with: tenant <c>dev</c>,
/// identity <c>dev</c>, an admin key and an agent token for an agent acting for that identity, made through the
/// registry's public operator and admin APIs (via the gateway) and written to <c>dev-credentials.json</c> (0600).
/// Later starts only point at the file. The values are never printed.
/// </summary>
public static class DevBootstrap
{
    public const string FileName = "dev-credentials.json";
    private const string TenantSlug = "dev";
    private const string IdentityName = "dev";
    private const string AgentSlug = "dev-agent";

    /// <summary>The bootstrap on a data folder; the gateway and operator key are asked for only when the file must be made.</summary>
    public static async Task RunAsync(string dataDirectory, Func<Uri> gateway, Func<string> operatorKey, ICollection<string> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(operatorKey);
        ArgumentNullException.ThrowIfNull(messages);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            messages.Add($"Dev credentials (tenant 'dev': admin key, agent token): {path}");
            return;
        }
        using var http = new HttpClient { BaseAddress = gateway(), Timeout = TimeSpan.FromSeconds(30) };

        var (tenantId, adminKey) = await CreateTenantAsync(http, operatorKey(), ct);
        var identityId = await FindOrCreateAsync(http, adminKey, "/api/registry/identities", "name", IdentityName,
            new { name = IdentityName, displayName = "Developer" }, ct);
        var agentId = await FindOrCreateAsync(http, adminKey, "/api/registry/agents", "slug", AgentSlug,
            new { slug = AgentSlug, name = "Dev agent", subjectIdentityId = identityId }, ct);
        var token = await SendAsync(http, HttpMethod.Post, $"/api/registry/agents/{agentId}/tokens", adminKey, new { name = "dev-bootstrap" }, ct);

        var credentials = new
        {
            tenant = new { id = tenantId, slug = TenantSlug },
            identity = new { id = identityId, name = IdentityName },
            agent = new { id = agentId, slug = AgentSlug },
            adminKey,
            agentToken = token["token"]!.GetValue<string>(),
        };
        DataFiles.WriteSecretFile(path, JsonSerializer.Serialize(credentials, DataFiles.JsonOptions));
        messages.Add($"Dev credentials created (tenant 'dev': admin key, agent token): {path}");
    }

    /// <summary>Tenant <c>dev</c> with a first admin key; if it exists already (the file was deleted), a fresh admin key for it.</summary>
    private static async Task<(Guid TenantId, string AdminKey)> CreateTenantAsync(HttpClient http, string operatorKey, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/api/registry/operator/tenants", operatorKey, new { slug = TenantSlug, name = "Development" });
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            var created = await ReadAsync(response, "create tenant 'dev'", ct);
            return (created["tenant"]!["id"]!.GetValue<Guid>(), created["adminKey"]!["key"]!.GetValue<string>());
        }
        var tenants = (await SendAsync(http, HttpMethod.Get, "/api/registry/operator/tenants", operatorKey, null, ct)).AsArray();
        var tenantId = tenants.Single(t => t!["slug"]!.GetValue<string>() == TenantSlug)!["id"]!.GetValue<Guid>();
        var key = await SendAsync(http, HttpMethod.Post, $"/api/registry/operator/tenants/{tenantId}/admin-keys", operatorKey, new { name = "dev-bootstrap" }, ct);
        return (tenantId, key["key"]!.GetValue<string>());
    }

    private static async Task<Guid> FindOrCreateAsync(HttpClient http, string adminKey, string path, string field, string value, object body, CancellationToken ct)
    {
        var existing = (await SendAsync(http, HttpMethod.Get, path, adminKey, null, ct)).AsArray()
            .FirstOrDefault(item => item![field]!.GetValue<string>() == value);
        var entry = existing ?? await SendAsync(http, HttpMethod.Post, path, adminKey, body, ct);
        return entry["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string bearer, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, bearer, body);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync(response, $"{method} {path}", ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string bearer, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    /// <summary>The JSON body of a successful answer; otherwise fails naming the step and status, never a credential.</summary>
    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string step, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Dev bootstrap: '{step}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))
            ?? throw new InvalidOperationException($"Dev bootstrap: '{step}' answered an empty body.");
    }
}
