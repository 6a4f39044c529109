using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>Bad input gets an RFC 9457 problem naming the offending fields, with the right 4xx; never a 500.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryValidationTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private readonly RegistryPlatform _registry = new(platform);
    private TestTenant _tenant = null!;
    private StaticInstall _install = null!;
    private Guid _identity;

    public async Task InitializeAsync()
    {
        _tenant = await _registry.CreateTenantAsync("valid");
        _identity = await _tenant.CreateIdentityAsync("owner");
        _install = await _tenant.CreateStaticInstallAsync("taken");
    }

    public Task DisposeAsync()
    {
        _tenant.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string[]> InvalidBodies => new()
    {
        { "/api/registry/identities", """{"name":"","email":"not an email"}""", ["name", "email"] },
        { "/api/registry/agents", """{"slug":"No Caps","name":"x","mcpUrl":"/relative/mcp"}""", ["slug", "subjectIdentityId", "mcpUrl"] },
        { "/api/registry/agents", """{"slug":"ok","name":"x","subjectIdentityId":"00000000-0000-0000-0000-000000000001","mcpUrl":"ftp://files.example.com"}""", ["subjectIdentityId", "mcpUrl"] },
        { "/api/registry/definitions", """{"name":"x","kind":"soap","baseUrl":"mcp.example.com"}""", ["kind", "baseUrl"] },
        { "/api/registry/definitions", """{"name":"x","kind":"mcp","baseUrl":"javascript:alert(1)"}""", ["baseUrl"] },
        { "/api/registry/definitions", """{"name":"x","kind":"mcp","baseUrl":"https://user:pass@mcp.example.com"}""", ["baseUrl"] },
        { "/api/registry/auth-methods", """{"name":"x","kind":"static"}""", ["definitionId", "headerName"] },
        { "/api/registry/auth-methods", """{"definitionId":"00000000-0000-0000-0000-000000000001","name":"x","kind":"client-credentials","tokenEndpoint":"token","authorizationEndpoint":"https://as.example/authorize"}""", ["clientId", "authorizationEndpoint", "tokenEndpoint"] },
        { "/api/registry/auth-methods", """{"definitionId":"00000000-0000-0000-0000-000000000001","name":"x","kind":"magic"}""", ["kind"] },
        { "/api/registry/installs", """{"slug":"a-very-long-slug-that-goes-on-past-forty-characters","callTimeoutSeconds":9000}""", ["slug", "authMethodId", "callTimeoutSeconds"] },
        { "/api/registry/installs", """{"slug":"ok","authMethodId":"00000000-0000-0000-0000-000000000001","allowedTools":["has space"]}""", ["allowedTools[0]"] },
        { "/api/registry/credentials", """{"secrets":{}}""", ["installId", "subjectIdentityId", "secrets"] },
        { "/api/registry/spaces", """{"slug":"UPPER","name":""}""", ["slug", "name"] },
        { "/api/registry/admin-keys", """{"expiresAt":"2001-01-01T00:00:00Z"}""", ["expiresAt"] },
        { "/api/registry/installs", """{"slug":"ok","callTimeoutSeconds":"soon"}""", ["callTimeoutSeconds"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_bodies_are_refused_naming_each_field(string path, string body, string[] fields)
    {
        using var response = await _tenant.Admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, fields);
    }

    [Fact]
    public async Task A_credential_names_the_secret_that_is_malformed_and_the_secret_a_static_key_needs()
    {
        using var noForm = await _tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = _install.InstallId, subjectIdentityId = _identity, secrets = new Dictionary<string, object> { ["api-key"] = new { } },
        });
        await Api.AssertProblemAsync(noForm, HttpStatusCode.BadRequest, "secrets.api-key");

        using var wrongRole = await _tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = _install.InstallId, subjectIdentityId = _identity, secrets = new Dictionary<string, object> { ["token"] = new { value = "x" } },
        });
        await Api.AssertProblemAsync(wrongRole, HttpStatusCode.BadRequest, "secrets");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await _tenant.Admin.PostAsync("/api/registry/identities", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_taken_slug_is_a_409_naming_the_field()
    {
        using var response = await _tenant.Admin.PostAsJsonAsync("/api/registry/installs", new { slug = "taken", authMethodId = _install.AuthMethodId });

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict, "slug");
    }

    [Fact]
    public async Task A_second_live_credential_for_the_same_subject_and_install_is_a_409()
    {
        await _tenant.CreateCredentialAsync(_install.InstallId, _identity, "first");

        using var response = await _tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = _install.InstallId, subjectIdentityId = _identity, secrets = new Dictionary<string, object> { ["api-key"] = new { value = "second" } },
        });

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict, "subjectIdentityId");
    }

    [Fact]
    public async Task An_identity_still_used_by_an_agent_cannot_be_deleted()
    {
        var owner = await _tenant.CreateIdentityAsync("busy-owner");
        await _tenant.CreateAgentAsync("busy-agent", owner);

        using var response = await _tenant.Admin.DeleteAsync($"/api/registry/identities/{owner}");

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_ids_and_paths_are_404_problems()
    {
        using var unknown = await _tenant.Admin.GetAsync($"/api/registry/installs/{Guid.NewGuid()}");
        await Api.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        using var notAGuid = await _tenant.Admin.GetAsync("/api/registry/installs/not-a-guid");
        await Api.AssertProblemAsync(notAGuid, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_change_a_platform_wide_definition_but_can_install_it()
    {
        using var operatorClient = _registry.Gateway(_registry.OperatorKey);
        using var created = await operatorClient.PostAsJsonAsync("/api/registry/operator/definitions",
            new { name = $"Shared {Guid.NewGuid():N}", kind = "mcp", baseUrl = "https://shared.example.com/mcp" });
        var shared = (await Api.ReadAsync(created, "create platform definition")).GetProperty("id").GetGuid();

        using var change = await _tenant.Admin.PutAsJsonAsync($"/api/registry/definitions/{shared}", new { name = "mine", kind = "mcp", baseUrl = "https://evil.example.com" });
        await Api.AssertProblemAsync(change, HttpStatusCode.Forbidden);
        using var delete = await _tenant.Admin.DeleteAsync($"/api/registry/definitions/{shared}");
        await Api.AssertProblemAsync(delete, HttpStatusCode.Forbidden);

        Assert.True((await _tenant.GetAsync($"/api/registry/definitions/{shared}")).GetProperty("platformWide").GetBoolean());
        var method = await _tenant.PostAsync("/api/registry/auth-methods", new { definitionId = shared, name = "shared none", kind = "none" }, "auth method");
        await _tenant.PostAsync("/api/registry/installs", new { slug = "shared", authMethodId = method.GetProperty("id").GetGuid() }, "install shared");
    }

    [Fact]
    public async Task The_operator_api_refuses_admin_keys_and_wrong_keys()
    {
        using var asAdmin = _registry.Gateway(_tenant.AdminKey);
        using var byAdmin = await asAdmin.PostAsJsonAsync("/api/registry/operator/tenants", new { slug = "sneaky", name = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, byAdmin.StatusCode);

        using var wrong = _registry.Gateway("not-the-operator-key-" + Guid.NewGuid());
        using var byWrong = await wrong.GetAsync("/api/registry/operator/tenants");
        Assert.Equal(HttpStatusCode.Unauthorized, byWrong.StatusCode);

        using var asOperator = _registry.Gateway(_registry.OperatorKey);
        using var identities = await asOperator.GetAsync("/api/registry/identities");
        Assert.Equal(HttpStatusCode.Unauthorized, identities.StatusCode);
    }
}
