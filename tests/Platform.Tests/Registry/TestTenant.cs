using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Tests.Registry;

/// <summary>A tenant made for one test, and builders for the layered model through its admin API on the gateway.</summary>
public sealed class TestTenant(Guid id, string slug, string adminKey, RegistryPlatform registry) : IDisposable
{
    private HttpClient? _admin;

    public Guid Id => id;

    public string Slug => slug;

    public string AdminKey => adminKey;

    /// <summary>The gateway with this tenant's admin key.</summary>
    public HttpClient Admin => _admin ??= registry.Gateway(adminKey);

    public async Task<JsonElement> PostAsync(string path, object body, string what)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        return await Api.ReadAsync(response, what);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Admin.GetAsync(path);
        return await Api.ReadAsync(response, $"GET {path}");
    }

    public async Task<Guid> CreateIdentityAsync(string name) =>
        (await PostAsync("/api/registry/identities", new { name, email = $"{name}@example.com" }, "create identity")).GetProperty("id").GetGuid();

    public async Task<Guid> CreateAgentAsync(string agentSlug, Guid subjectId, string? mcpUrl = null) =>
        (await PostAsync("/api/registry/agents", new { slug = agentSlug, name = $"Agent {agentSlug}", subjectIdentityId = subjectId, mcpUrl }, "create agent"))
            .GetProperty("id").GetGuid();

    /// <summary>Issues an agent token; returns its id and the value (shown only in this answer).</summary>
    public async Task<(Guid Id, string Token)> IssueTokenAsync(Guid agentId, DateTimeOffset? expiresAt = null)
    {
        var issued = await PostAsync($"/api/registry/agents/{agentId}/tokens", new { name = "test", expiresAt }, "issue token");
        return (issued.GetProperty("id").GetGuid(), issued.GetProperty("token").GetString()!);
    }

    /// <summary>A tenant definition of an MCP server, a <c>static</c> auth method (header <c>X-API-Key</c>) and an install of it.</summary>
    public async Task<StaticInstall> CreateStaticInstallAsync(string installSlug, string baseUrl = "https://mcp.example.com/mcp")
    {
        var definition = await PostAsync("/api/registry/definitions", new { name = $"Server {installSlug}", kind = "mcp", baseUrl }, "create definition");
        var definitionId = definition.GetProperty("id").GetGuid();
        var method = await PostAsync("/api/registry/auth-methods",
            new { definitionId, name = $"key {installSlug}", kind = "static", headerName = "X-API-Key" }, "create auth method");
        var authMethodId = method.GetProperty("id").GetGuid();
        var install = await PostAsync("/api/registry/installs",
            new { slug = installSlug, authMethodId, allowedTools = new[] { "search" }, deniedTools = new[] { "delete" }, callTimeoutSeconds = 20 },
            "create install");
        return new StaticInstall(definitionId, authMethodId, install.GetProperty("id").GetGuid());
    }

    /// <summary>A credential of <paramref name="subjectId"/> on the install holding <paramref name="apiKey"/> (which goes to the vault).</summary>
    public async Task<JsonElement> CreateCredentialAsync(Guid installId, Guid subjectId, string apiKey) =>
        await PostAsync("/api/registry/credentials",
            new { installId, subjectIdentityId = subjectId, secrets = new Dictionary<string, object> { ["api-key"] = new { value = apiKey } }, scopes = new[] { "read" } },
            "create credential");

    public async Task<Guid> CreateSpaceAsync(string spaceSlug) =>
        (await PostAsync("/api/registry/spaces", new { slug = spaceSlug, name = $"Space {spaceSlug}" }, "create space")).GetProperty("id").GetGuid();

    public void Dispose() => _admin?.Dispose();

    public override string ToString() => $"TestTenant {{ Slug = {slug} }}";
}
