using System.Net;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>The AppHost's first start on a fresh data folder leaves a newcomer a tenant, an admin key and an agent token.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DevCredentialsTests(DistributedApplicationFixture platform)
{
    private readonly RegistryPlatform _registry = new(platform);

    [Fact]
    public void The_file_is_private_and_named_in_the_ready_message_without_its_values()
    {
        var path = DevCredentials.PathIn(platform.App.DataDirectory);
        var dev = _registry.Dev;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.True(platform.App.Output.Wrote(path), "the AppHost's ready message does not name dev-credentials.json");
        Assert.False(platform.App.Output.Wrote(dev.AdminKey), "the AppHost printed the dev admin key");
        Assert.False(platform.App.Output.Wrote(dev.AgentToken), "the AppHost printed the dev agent token");
        Assert.StartsWith("adm_", dev.AdminKey, StringComparison.Ordinal);
        Assert.StartsWith("agt_", dev.AgentToken, StringComparison.Ordinal);
        Assert.Equal("dev", dev.Tenant.Slug);
    }

    [Fact]
    public async Task The_dev_admin_key_administers_tenant_dev_through_the_gateway()
    {
        var dev = _registry.Dev;
        using var admin = _registry.Gateway(dev.AdminKey);

        using var response = await admin.GetAsync("/api/registry/identities");
        var identities = await Api.ReadAsync(response, "list identities");

        var identity = Assert.Single(identities.EnumerateArray(), i => i.GetProperty("name").GetString() == "dev");
        Assert.Equal(dev.Identity.Id, identity.GetProperty("id").GetGuid());
        using var agents = await admin.GetAsync("/api/registry/agents");
        Assert.Contains(dev.Agent.Id, Api.Ids(await Api.ReadAsync(agents, "list agents")));
    }

    [Fact]
    public async Task The_dev_agent_token_authenticates_as_the_dev_identity_of_tenant_dev()
    {
        var dev = _registry.Dev;

        var principal = await _registry.Client("mcp-edge").AuthenticateAgentAsync(dev.AgentToken, CancellationToken.None);

        Assert.NotNull(principal);
        Assert.Equal(dev.Tenant.Id, principal.TenantId);
        Assert.Equal("dev", principal.TenantSlug);
        Assert.Equal(dev.Agent.Id, principal.AgentId);
        Assert.Equal(dev.Identity.Id, principal.SubjectIdentityId);
    }

    [Fact]
    public async Task Without_a_key_the_admin_api_answers_401_with_a_bearer_challenge()
    {
        using var anonymous = _registry.Gateway(null);
        using var response = await anonymous.GetAsync("/api/registry/identities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        using var wrong = _registry.Gateway("adm_" + new string('x', 43));
        using var refused = await wrong.GetAsync("/api/registry/identities");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
    }
}
