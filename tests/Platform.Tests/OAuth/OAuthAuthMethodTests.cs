using System.Net;
using System.Net.Http.Json;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.OAuth;

/// <summary>
/// OAuth auth methods in the real registry: a pre-registered client's secret goes to the vault as
/// <c>oauth-client-secret</c> (only the broker can read it back) and is never shown; the broker reads the settings
/// from the internal API; fixed endpoints naming reserved addresses and clients missing their secret are 400s.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OAuthAuthMethodTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public async Task A_pre_registered_client_keeps_its_secret_in_the_vault_and_never_shows_it()
    {
        using var tenant = await _registry.CreateTenantAsync("oauth-method");
        var secret = "cs-" + Guid.NewGuid().ToString("N");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Tickets", kind = "mcp", baseUrl = "https://tickets.example/mcp" }, "definition");
        var created = await tenant.PostAsync("/api/registry/auth-methods", new
        {
            definitionId = definition.GetProperty("id").GetGuid(), name = "tickets oauth", kind = "oauth",
            clientId = "platform-client", clientSecret = secret, tokenEndpointAuthMethod = "client_secret_post",
            scopes = new[] { "tickets:read" }, tokenEndpoint = "https://login.example/oauth/token", resourceOnRefresh = false,
        }, "create auth method");
        var install = await tenant.PostAsync("/api/registry/installs",
            new { slug = "tickets", authMethodId = created.GetProperty("id").GetGuid() }, "install");

        using var listed = await tenant.Admin.GetAsync("/api/registry/auth-methods");
        var settings = await _registry.Client("oauth-broker").GetInstallOAuthSettingsAsync(tenant.Id, install.GetProperty("id").GetGuid(), CancellationToken.None);

        Assert.DoesNotContain(secret, created.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(created.GetProperty("hasClientSecret").GetBoolean());
        Assert.Equal("client_secret_post", created.GetProperty("tokenEndpointAuthMethod").GetString());
        Assert.False(created.GetProperty("resourceOnRefresh").GetBoolean());
        Assert.NotNull(settings);
        Assert.Equal(("oauth", "platform-client", "client_secret_post", false), (settings.AuthMethodKind, settings.ClientId, settings.TokenEndpointAuthMethod, settings.ResourceOnRefresh));
        Assert.Equal(["tickets:read"], settings.Scopes);
        var vault = new VaultAccess(platform.App);
        Assert.Equal(secret, await vault.Client("oauth-broker").ResolveAsync(tenant.Id, settings.ClientSecretId!.Value, CancellationToken.None));
        var metadata = await vault.Client("oauth-broker").GetMetadataAsync(tenant.Id, settings.ClientSecretId.Value, CancellationToken.None);
        Assert.Equal(SecretPurposes.OAuthClientSecret, metadata?.Purpose);
    }

    [Fact]
    public async Task Without_a_client_the_method_is_discovered_and_updates_keep_or_drop_the_secret()
    {
        using var tenant = await _registry.CreateTenantAsync("oauth-update");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Docs", kind = "mcp", baseUrl = "https://docs.example/mcp" }, "definition");
        var definitionId = definition.GetProperty("id").GetGuid();
        var discovered = await tenant.PostAsync("/api/registry/auth-methods", new { definitionId, name = "docs", kind = "oauth" }, "create");
        var id = discovered.GetProperty("id").GetGuid();

        using var withClient = await tenant.Admin.PutAsJsonAsync($"/api/registry/auth-methods/{id}",
            new { name = "docs", kind = "oauth", clientId = "c1", clientSecret = "first-secret" });
        using var kept = await tenant.Admin.PutAsJsonAsync($"/api/registry/auth-methods/{id}", new { name = "docs", kind = "oauth", clientId = "c1" });
        using var publicClient = await tenant.Admin.PutAsJsonAsync($"/api/registry/auth-methods/{id}",
            new { name = "docs", kind = "oauth", clientId = "c1", tokenEndpointAuthMethod = "none" });

        Assert.True(discovered.GetProperty("tokenEndpointAuthMethod").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.True(discovered.GetProperty("resourceOnRefresh").GetBoolean());
        Assert.Equal("client_secret_basic", (await Api.ReadAsync(withClient, "add client")).GetProperty("tokenEndpointAuthMethod").GetString());
        var keptBody = await Api.ReadAsync(kept, "keep secret");
        Assert.True(keptBody.GetProperty("hasClientSecret").GetBoolean());
        var publicBody = await Api.ReadAsync(publicClient, "public client");
        Assert.False(publicBody.GetProperty("hasClientSecret").GetBoolean());
        Assert.Equal("none", publicBody.GetProperty("tokenEndpointAuthMethod").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"oauth","clientId":"c","clientSecret":"s","tokenEndpoint":"http://169.254.169.254/latest/token"}""", "tokenEndpoint")]
    [InlineData("""{"kind":"oauth","clientId":"c","clientSecret":"s","authorizationEndpoint":"http://10.1.2.3/authorize"}""", "authorizationEndpoint")]
    [InlineData("""{"kind":"oauth","clientId":"c","tokenEndpointAuthMethod":"client_secret_basic"}""", "clientSecret")]
    [InlineData("""{"kind":"oauth","clientSecret":"s"}""", "clientSecret")]
    [InlineData("""{"kind":"oauth","clientId":"c","clientSecret":"s","tokenEndpointAuthMethod":"tls_client_auth"}""", "tokenEndpointAuthMethod")]
    [InlineData("""{"kind":"client-credentials","clientId":"c"}""", "clientSecret")]
    [InlineData("""{"kind":"oauth-discovered"}""", "kind")]
    public async Task Invalid_oauth_methods_are_400_problems_naming_the_field(string fields, string field)
    {
        using var tenant = await _registry.CreateTenantAsync("oauth-invalid");
        var definition = await tenant.PostAsync("/api/registry/definitions", new { name = "Bad", kind = "mcp", baseUrl = "https://bad.example/mcp" }, "definition");
        var body = fields.Replace("{", $$"""{"definitionId":"{{definition.GetProperty("id").GetGuid()}}","name":"m",""", StringComparison.Ordinal);

        using var response = await tenant.Admin.PostAsync("/api/registry/auth-methods", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }
}
