using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>The registry announces catalog changes and revocations on the bus (through its outbox).</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryEventsTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public async Task Install_and_credential_changes_announce_CatalogChanged_and_revocation_announces_CredentialRevoked()
    {
        await using var bus = await BusProbe.StartAsync(platform.GetConnectionString("eventbus"), "CatalogChanged", "CredentialRevoked");
        using var tenant = await _registry.CreateTenantAsync("events");
        var subject = await tenant.CreateIdentityAsync("owner");

        var install = await tenant.CreateStaticInstallAsync("announced");
        await bus.WaitForAsync("CatalogChanged", e => Is(e, tenant, install.InstallId, "install-created"));

        using (var updated = await tenant.Admin.PutAsJsonAsync($"/api/registry/installs/{install.InstallId}",
            new { slug = "announced", authMethodId = install.AuthMethodId, allowedTools = new[] { "only-this" } }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }
        await bus.WaitForAsync("CatalogChanged", e => Is(e, tenant, install.InstallId, "install-updated"));

        var credential = (await tenant.CreateCredentialAsync(install.InstallId, subject, "event-key")).GetProperty("id").GetGuid();
        await bus.WaitForAsync("CatalogChanged", e => Is(e, tenant, install.InstallId, "credential-created") && e.GetProperty("subjectId").GetString() == subject.ToString());

        await tenant.PostAsync($"/api/registry/credentials/{credential}/revoke", new { }, "revoke credential");
        var revoked = await bus.WaitForAsync("CredentialRevoked", e => e.GetProperty("credentialId").GetGuid() == credential);
        Assert.Equal(tenant.Id.ToString(), revoked.GetProperty("tenantId").GetString());
        Assert.Equal(install.InstallId, revoked.GetProperty("installId").GetGuid());
        Assert.Equal(subject.ToString(), revoked.GetProperty("subjectId").GetString());
        await bus.WaitForAsync("CatalogChanged", e => Is(e, tenant, install.InstallId, "credential-revoked"));
    }

    [Fact]
    public async Task Deleting_an_install_announces_its_live_credentials_revoked()
    {
        await using var bus = await BusProbe.StartAsync(platform.GetConnectionString("eventbus"), "CatalogChanged", "CredentialRevoked");
        using var tenant = await _registry.CreateTenantAsync("delinst");
        var install = await tenant.CreateStaticInstallAsync("doomed");
        var credential = (await tenant.CreateCredentialAsync(install.InstallId, await tenant.CreateIdentityAsync("owner"), "doomed-key")).GetProperty("id").GetGuid();

        using var deleted = await tenant.Admin.DeleteAsync($"/api/registry/installs/{install.InstallId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await bus.WaitForAsync("CredentialRevoked", e => e.GetProperty("credentialId").GetGuid() == credential);
        await bus.WaitForAsync("CatalogChanged", e => Is(e, tenant, install.InstallId, "install-deleted"));
    }

    [Fact]
    public async Task Revoking_agent_tokens_and_admin_keys_announces_it()
    {
        await using var bus = await BusProbe.StartAsync(platform.GetConnectionString("eventbus"), "AgentTokenRevoked", "AdminKeyRevoked");
        using var tenant = await _registry.CreateTenantAsync("tokrev");
        var agent = await tenant.CreateAgentAsync("worker", await tenant.CreateIdentityAsync("owner"));
        var (tokenId, _) = await tenant.IssueTokenAsync(agent);
        var (deletedTokenId, _) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("temp", await tenant.CreateIdentityAsync("temp-owner")));
        var key = (await tenant.PostAsync("/api/registry/admin-keys", new { name = "spare" }, "issue key")).GetProperty("id").GetGuid();

        await tenant.PostAsync($"/api/registry/agents/{agent}/tokens/{tokenId}/revoke", new { }, "revoke token");
        await tenant.PostAsync($"/api/registry/admin-keys/{key}/revoke", new { }, "revoke key");
        var tempAgent = Api.Ids(await tenant.GetAsync("/api/registry/agents")).Single(id => id != agent);
        using (var deleted = await tenant.Admin.DeleteAsync($"/api/registry/agents/{tempAgent}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var tokenEvent = await bus.WaitForAsync("AgentTokenRevoked", e => e.GetProperty("tokenId").GetGuid() == tokenId);
        Assert.Equal(agent, tokenEvent.GetProperty("agentId").GetGuid());
        Assert.Equal(tenant.Id.ToString(), tokenEvent.GetProperty("tenantId").GetString());
        await bus.WaitForAsync("AgentTokenRevoked", e => e.GetProperty("tokenId").GetGuid() == deletedTokenId && e.GetProperty("agentId").GetGuid() == tempAgent);
        await bus.WaitForAsync("AdminKeyRevoked", e => e.GetProperty("keyId").GetGuid() == key && e.GetProperty("tenantId").GetString() == tenant.Id.ToString());
    }

    private static bool Is(JsonElement e, TestTenant tenant, Guid installId, string reason) =>
        e.GetProperty("tenantId").GetString() == tenant.Id.ToString()
        && e.GetProperty("installId") is { ValueKind: JsonValueKind.String } install && install.GetGuid() == installId
        && e.GetProperty("reason").GetString() == reason;
}
