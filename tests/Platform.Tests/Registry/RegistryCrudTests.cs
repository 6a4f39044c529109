using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>Create, read, update and delete every kind of registry entry through the gateway with the dev admin key.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryCrudTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);
    private readonly string _suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [Fact]
    public async Task Identities()
    {
        using var admin = _registry.Gateway(_registry.Dev.AdminKey);
        await RoundTripAsync(admin, "/api/registry/identities",
            new { name = $"alice-{_suffix}", email = "alice@example.com" },
            new { name = $"alice-{_suffix}", displayName = "Alice", email = "alice@example.org" },
            updated => Assert.Equal("Alice", updated.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Agents_with_and_without_an_mcp_endpoint()
    {
        using var admin = _registry.Gateway(_registry.Dev.AdminKey);
        var subject = _registry.Dev.Identity.Id;
        await RoundTripAsync(admin, "/api/registry/agents",
            new { slug = $"helper-{_suffix}", name = "Helper", subjectIdentityId = subject },
            new { slug = $"helper-{_suffix}", name = "Helper", subjectIdentityId = subject, mcpUrl = "https://agents.example.com/helper/mcp", description = "does things" },
            updated => Assert.Equal("https://agents.example.com/helper/mcp", updated.GetProperty("mcpUrl").GetString()));
    }

    [Fact]
    public async Task Definitions_auth_methods_and_installs()
    {
        using var admin = _registry.Gateway(_registry.Dev.AdminKey);
        var definition = await RoundTripAsync(admin, "/api/registry/definitions",
            new { name = $"Docs {_suffix}", kind = "mcp", baseUrl = "https://docs.example.com/mcp" },
            new { name = $"Docs {_suffix}", kind = "mcp", baseUrl = "https://docs.example.com/v2/mcp", description = "documentation search" },
            updated => Assert.Equal("https://docs.example.com/v2/mcp", updated.GetProperty("baseUrl").GetString()),
            delete: false);
        var method = await RoundTripAsync(admin, "/api/registry/auth-methods",
            new { definitionId = definition, name = $"api key {_suffix}", kind = "static", headerName = "Authorization" },
            new { definitionId = definition, name = $"api key {_suffix}", kind = "static", headerName = "X-API-Key", scopes = new[] { "read" } },
            updated => Assert.Equal("X-API-Key", updated.GetProperty("headerName").GetString()),
            delete: false);
        await RoundTripAsync(admin, "/api/registry/installs",
            new { slug = $"docs-{_suffix}", authMethodId = method },
            new { slug = $"docs-{_suffix}", authMethodId = method, allowedTools = new[] { "search", "fetch" }, deniedTools = new[] { "fetch" }, callTimeoutSeconds = 45 },
            updated =>
            {
                Assert.Equal(45, updated.GetProperty("callTimeoutSeconds").GetInt32());
                Assert.Equal(["search", "fetch"], updated.GetProperty("allowedTools").EnumerateArray().Select(t => t.GetString()));
                Assert.Equal(definition, updated.GetProperty("definitionId").GetGuid());
            });

        // Once nothing uses them, the lower layers can go too, top down.
        using var methodGone = await admin.DeleteAsync($"/api/registry/auth-methods/{method}");
        Assert.Equal(HttpStatusCode.NoContent, methodGone.StatusCode);
        using var definitionGone = await admin.DeleteAsync($"/api/registry/definitions/{definition}");
        Assert.Equal(HttpStatusCode.NoContent, definitionGone.StatusCode);
    }

    [Fact]
    public async Task A_definition_in_use_cannot_be_deleted()
    {
        using var tenant = await _registry.CreateTenantAsync("inuse");
        var install = await tenant.CreateStaticInstallAsync("busy");

        using var definition = await tenant.Admin.DeleteAsync($"/api/registry/definitions/{install.DefinitionId}");
        await Api.AssertProblemAsync(definition, HttpStatusCode.Conflict);
        using var method = await tenant.Admin.DeleteAsync($"/api/registry/auth-methods/{install.AuthMethodId}");
        await Api.AssertProblemAsync(method, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Spaces()
    {
        using var admin = _registry.Gateway(_registry.Dev.AdminKey);
        await RoundTripAsync(admin, "/api/registry/spaces",
            new { slug = $"inbox-{_suffix}", name = "Inbox" },
            new { slug = $"inbox-{_suffix}", name = "Team inbox", description = "where webhooks land" },
            updated => Assert.Equal("Team inbox", updated.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Credentials_are_created_listed_with_status_and_roles_and_revoked_one_by_one()
    {
        using var tenant = await _registry.CreateTenantAsync("creds");
        var alice = await tenant.CreateIdentityAsync("alice");
        var bob = await tenant.CreateIdentityAsync("bob");
        var install = await tenant.CreateStaticInstallAsync("tickets");
        var aliceCredential = (await tenant.CreateCredentialAsync(install.InstallId, alice, "alice-material")).GetProperty("id").GetGuid();
        var bobCredential = (await tenant.CreateCredentialAsync(install.InstallId, bob, "bob-material")).GetProperty("id").GetGuid();

        var listed = await tenant.GetAsync($"/api/registry/credentials?installId={install.InstallId}");
        Assert.Equal([aliceCredential, bobCredential], Api.Ids(listed));
        Assert.All(listed.EnumerateArray(), c =>
        {
            Assert.Equal("active", c.GetProperty("status").GetString());
            Assert.Equal(["api-key"], c.GetProperty("secretRoles").EnumerateArray().Select(r => r.GetString()));
        });
        Assert.DoesNotContain("material", listed.GetRawText(), StringComparison.Ordinal);

        var revoked = await tenant.PostAsync($"/api/registry/credentials/{aliceCredential}/revoke", new { }, "revoke");
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("revoked", (await tenant.GetAsync($"/api/registry/credentials/{aliceCredential}")).GetProperty("status").GetString());
        Assert.Equal("active", (await tenant.GetAsync($"/api/registry/credentials/{bobCredential}")).GetProperty("status").GetString());
        Assert.Equal([bobCredential], Api.Ids(await tenant.GetAsync($"/api/registry/credentials?subjectIdentityId={bob}")));

        // A revoked credential frees the place: the subject can be given a new one.
        var renewed = await tenant.CreateCredentialAsync(install.InstallId, alice, "alice-material-2");
        Assert.Equal("active", renewed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_served_through_the_gateway()
    {
        using var anonymous = _registry.Gateway(null);
        using var response = await anonymous.GetAsync("/api/registry/openapi/v1.json");
        var document = await Api.ReadAsync(response, "openapi");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/registry/identities", "/api/registry/agents/{id}/tokens", "/api/registry/installs", "/api/registry/credentials", "/api/registry/spaces", "/api/registry/operator/tenants" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document lacks {path}");
        }
        Assert.False(paths.EnumerateObject().Any(p => p.Name.StartsWith("/internal", StringComparison.Ordinal)), "the OpenAPI document shows the internal API");
    }

    /// <summary>POST, GET, list, PUT, GET again, then DELETE and a 404 after it; returns the id.</summary>
    private static async Task<Guid> RoundTripAsync(HttpClient admin, string path, object create, object update, Action<JsonElement> assertUpdated, bool delete = true)
    {
        using var created = await admin.PostAsJsonAsync(path, create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Api.ReadAsync(created, $"create {path}")).GetProperty("id").GetGuid();
        Assert.EndsWith($"{path}/{id}", created.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var read = await admin.GetAsync($"{path}/{id}");
        Assert.Equal(id, (await Api.ReadAsync(read, $"get {path}")).GetProperty("id").GetGuid());
        using var list = await admin.GetAsync(path);
        Assert.Contains(id, Api.Ids(await Api.ReadAsync(list, $"list {path}")));

        using var updated = await admin.PutAsJsonAsync($"{path}/{id}", update);
        assertUpdated(await Api.ReadAsync(updated, $"update {path}"));
        using var reread = await admin.GetAsync($"{path}/{id}");
        assertUpdated(await Api.ReadAsync(reread, $"get {path} after update"));

        if (delete)
        {
            using var deleted = await admin.DeleteAsync($"{path}/{id}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            using var gone = await admin.GetAsync($"{path}/{id}");
            await Api.AssertProblemAsync(gone, HttpStatusCode.NotFound);
        }
        return id;
    }
}
