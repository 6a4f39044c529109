using System.Net.Http.Json;
using System.Security.Cryptography;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// Secret material given to the registry goes straight to the vault, encrypted; the registry keeps handles only,
/// and revoking in the registry revokes (crypto-shreds) in the vault. Material never reaches an assertion message.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CredentialVaultTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);
    private readonly RegistryDatabase _registryDb = new(platform.GetConnectionString("registrydb"));
    private readonly RegistryDatabase _vaultDb = new(platform.GetConnectionString("vaultdb"));

    [Fact]
    public async Task Credential_material_lands_encrypted_in_the_vault_and_nowhere_in_the_registry()
    {
        var material = Canary();
        using var tenant = await _registry.CreateTenantAsync("vaulted");
        var subject = await tenant.CreateIdentityAsync("owner");
        var install = await tenant.CreateStaticInstallAsync("vaulted");

        var created = await tenant.CreateCredentialAsync(install.InstallId, subject, material);

        Assert.False(created.GetRawText().Contains(material, StringComparison.Ordinal), "the create answer echoes the material");
        var resolution = await _registry.Client("mcp-edge").ResolveCredentialAsync(tenant.Id, install.InstallId, subject, CancellationToken.None);
        Assert.NotNull(resolution);
        Assert.Equal("X-API-Key", resolution.HeaderName);
        var handle = resolution.SecretHandles["api-key"];

        Assert.Equal(tenant.Id, await _vaultDb.ScalarAsync<Guid>("SELECT tenant_id FROM vault.secrets WHERE id = @id", ("id", handle)));
        Assert.Equal("encrypted", await _vaultDb.ScalarAsync<string>("SELECT kind FROM vault.secrets WHERE id = @id", ("id", handle)));
        Assert.True(await _vaultDb.ScalarAsync<bool>("SELECT ciphertext IS NOT NULL FROM vault.secret_refs WHERE secret_id = @id", ("id", handle)), "no ciphertext in the vault");
        Assert.False(await _vaultDb.AnyRowContainsAsync("vault", material), "vaultdb holds the material in clear");
        Assert.False(await _registryDb.AnyRowContainsAsync("registry", material), "registrydb holds the material");

        // What the edge will do with the handle: the vault gives the material back to an allowed caller.
        using var vaultHttp = platform.CreateHttpClient("secrets-vault");
        vaultHttp.DefaultRequestHeaders.Authorization = new("Service", _registry.ServiceKey("mcp-edge"));
        var resolved = await new VaultClient(vaultHttp).ResolveAsync(tenant.Id, handle, CancellationToken.None);
        Assert.True(resolved == material, "the vault resolves different material");
    }

    [Fact]
    public async Task Revoking_a_credential_revokes_and_shreds_its_vault_secret()
    {
        using var tenant = await _registry.CreateTenantAsync("shred");
        var subject = await tenant.CreateIdentityAsync("owner");
        var install = await tenant.CreateStaticInstallAsync("shred");
        var credential = (await tenant.CreateCredentialAsync(install.InstallId, subject, Canary())).GetProperty("id").GetGuid();
        var handle = (await _registry.Client("mcp-edge").ResolveCredentialAsync(tenant.Id, install.InstallId, subject, CancellationToken.None))!.SecretHandles["api-key"];

        await tenant.PostAsync($"/api/registry/credentials/{credential}/revoke", new { }, "revoke");

        var resolution = await _registry.Client("mcp-edge").ResolveCredentialAsync(tenant.Id, install.InstallId, subject, CancellationToken.None);
        Assert.Equal("revoked", resolution?.Status);
        await WaitUntilShreddedAsync(handle);
    }

    [Fact]
    public async Task Deleting_an_install_revokes_the_vault_secrets_of_its_credentials()
    {
        using var tenant = await _registry.CreateTenantAsync("delsec");
        var subject = await tenant.CreateIdentityAsync("owner");
        var install = await tenant.CreateStaticInstallAsync("delsec");
        await tenant.CreateCredentialAsync(install.InstallId, subject, Canary());
        var handle = (await _registry.Client("mcp-edge").ResolveCredentialAsync(tenant.Id, install.InstallId, subject, CancellationToken.None))!.SecretHandles["api-key"];

        using var deleted = await tenant.Admin.DeleteAsync($"/api/registry/installs/{install.InstallId}");
        deleted.EnsureSuccessStatusCode();

        await WaitUntilShreddedAsync(handle);
    }

    [Fact]
    public async Task A_client_secret_goes_to_the_vault_and_replacing_it_revokes_the_old_one()
    {
        var material = Canary();
        using var tenant = await _registry.CreateTenantAsync("client");
        var definition = (await tenant.PostAsync("/api/registry/definitions", new { name = "Api", kind = "oauth-api", baseUrl = "https://api.example.com" }, "definition"))
            .GetProperty("id").GetGuid();
        object Method(string? secret) => new
        {
            definitionId = definition, name = "machine", kind = "client-credentials", clientId = "platform",
            tokenEndpoint = "https://login.example.com/token", scopes = new[] { "read" }, clientSecret = secret,
        };
        var method = await tenant.PostAsync("/api/registry/auth-methods", Method(material), "auth method");
        Assert.True(method.GetProperty("hasClientSecret").GetBoolean());
        Assert.False(method.GetRawText().Contains(material, StringComparison.Ordinal), "the answer echoes the client secret");
        Assert.False(await _registryDb.AnyRowContainsAsync("registry", material), "registrydb holds the client secret");
        var oldSecret = await _registryDb.ScalarAsync<Guid>("SELECT client_secret_id FROM registry.auth_methods WHERE id = @id", ("id", method.GetProperty("id").GetGuid()));
        Assert.Equal(tenant.Id, await _vaultDb.ScalarAsync<Guid>("SELECT tenant_id FROM vault.secrets WHERE id = @id", ("id", oldSecret)));

        using var kept = await tenant.Admin.PutAsJsonAsync($"/api/registry/auth-methods/{method.GetProperty("id").GetGuid()}", Method(null));
        kept.EnsureSuccessStatusCode();
        Assert.Equal(oldSecret, await _registryDb.ScalarAsync<Guid>("SELECT client_secret_id FROM registry.auth_methods WHERE id = @id", ("id", method.GetProperty("id").GetGuid())));

        using var replaced = await tenant.Admin.PutAsJsonAsync($"/api/registry/auth-methods/{method.GetProperty("id").GetGuid()}", Method(Canary()));
        replaced.EnsureSuccessStatusCode();
        Assert.NotEqual(oldSecret, await _registryDb.ScalarAsync<Guid>("SELECT client_secret_id FROM registry.auth_methods WHERE id = @id", ("id", method.GetProperty("id").GetGuid())));
        await WaitUntilShreddedAsync(oldSecret);
    }

    [Fact]
    public async Task A_reference_the_vault_refuses_is_a_400_naming_the_secret()
    {
        using var tenant = await _registry.CreateTenantAsync("refused");
        var subject = await tenant.CreateIdentityAsync("owner");
        var install = await tenant.CreateStaticInstallAsync("refused");

        using var response = await tenant.Admin.PostAsJsonAsync("/api/registry/credentials", new
        {
            installId = install.InstallId, subjectIdentityId = subject,
            secrets = new Dictionary<string, object> { ["api-key"] = new { environmentVariable = "ConnectionStrings__registrydb" } },
        });

        await Api.AssertProblemAsync(response, System.Net.HttpStatusCode.BadRequest, "secrets.api-key");
        Assert.Empty((await tenant.GetAsync("/api/registry/credentials")).EnumerateArray());
    }

    private async Task WaitUntilShreddedAsync(Guid secretId) =>
        await Eventually.UntilAsync(
            async () => await _vaultDb.ScalarAsync<bool>(
                "SELECT s.revoked_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vault.secret_refs r WHERE r.secret_id = s.id AND r.ciphertext IS NOT NULL) FROM vault.secrets s WHERE s.id = @id",
                ("id", secretId)),
            TimeSpan.FromSeconds(20),
            () => $"vault secret {secretId} revoked with its ciphertext destroyed");

    private static string Canary() => "canary-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
