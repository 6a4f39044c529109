using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Benchmarks.Edge;

/// <summary>A tenant for the benchmark made with the operator key: an agent and its token, and an install of the echo upstream.</summary>
internal static class EdgeTenant
{
    public const string InstallSlug = "echo";

    /// <summary>Returns the agent token.</summary>
    public static async Task<string> CreateAsync(Uri gateway, string operatorKey, Uri upstream, CancellationToken ct) =>
        (await CreateWithIdAsync(gateway, operatorKey, upstream, ct)).Token;

    /// <summary>Returns the agent token and the tenant's id (what the audit rows carry as tenant_id).</summary>
    public static async Task<(string Token, Guid TenantId)> CreateWithIdAsync(Uri gateway, string operatorKey, Uri upstream, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var tenant = await PostAsync(http, operatorKey, "/api/registry/operator/tenants", new { slug = $"bench-{Guid.NewGuid():N}"[..20], name = "Benchmark" }, ct);
        var adminKey = tenant.GetProperty("adminKey").GetProperty("key").GetString()!;
        var identity = await PostAsync(http, adminKey, "/api/registry/identities", new { name = "bench", displayName = "Benchmark" }, ct);
        var agent = await PostAsync(http, adminKey, "/api/registry/agents",
            new { slug = "bench", name = "Benchmark agent", subjectIdentityId = identity.GetProperty("id").GetGuid() }, ct);
        var token = await PostAsync(http, adminKey, $"/api/registry/agents/{agent.GetProperty("id").GetGuid()}/tokens", new { name = "bench" }, ct);
        var definition = await PostAsync(http, adminKey, "/api/registry/definitions", new { name = "Echo MCP", kind = "mcp", baseUrl = upstream.ToString() }, ct);
        var method = await PostAsync(http, adminKey, "/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = "none", kind = "none" }, ct);
        await PostAsync(http, adminKey, "/api/registry/installs",
            new { slug = InstallSlug, authMethodId = method.GetProperty("id").GetGuid(), callTimeoutSeconds = 30 }, ct);
        return (token.GetProperty("token").GetString()!, tenant.GetProperty("tenant").GetProperty("id").GetGuid());
    }

    /// <summary>A POST to the platform's REST API with a bearer key; the answer's JSON, or an exception naming the status and the problem.</summary>
    internal static async Task<JsonElement> PostAsync(HttpClient http, string bearer, string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
