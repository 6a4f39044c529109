using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// An install whose auth method is OAuth: the edge sends the credential's access token (held in the vault) as a
/// bearer, and when the upstream refuses it the credential is marked as needing re-authorization.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OAuthCredentialTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task The_access_token_is_sent_and_a_refusal_marks_the_credential_needs_reauth()
    {
        var registry = new RegistryPlatform(platform);
        using var tenant = await registry.CreateTenantAsync("edge-oauth");
        var subject = await tenant.CreateIdentityAsync("owner");
        var agent = await tenant.CreateAgentAsync("caller", subject);
        var (_, token) = await tenant.IssueTokenAsync(agent);
        var accessToken = "at-" + Guid.NewGuid().ToString("N");
        await using var upstream = await TestUpstream.StartAsync(UpstreamServers.Beta, accessToken);
        var definition = await tenant.PostAsync("/api/registry/definitions",
            new { name = "Gamma MCP", kind = "mcp", baseUrl = upstream.Endpoint.ToString() }, "create definition");
        var method = await tenant.PostAsync("/api/registry/auth-methods",
            new { definitionId = definition.GetProperty("id").GetGuid(), name = "gamma oauth", kind = "oauth" }, "create auth method");
        var install = await tenant.PostAsync("/api/registry/installs",
            new { slug = "gamma", authMethodId = method.GetProperty("id").GetGuid(), callTimeoutSeconds = 10 }, "create install");
        var credential = await tenant.PostAsync("/api/registry/credentials", new
        {
            installId = install.GetProperty("id").GetGuid(),
            subjectIdentityId = subject,
            secrets = new Dictionary<string, object> { ["access-token"] = new { value = accessToken } },
        }, "create credential");
        var credentialId = credential.GetProperty("id").GetGuid();
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);

        var accepted = await client.CallToolAsync("gamma__echo", new Dictionary<string, object?> { ["text"] = "with token" });
        upstream.RequiredBearer = "at-rotated-" + Guid.NewGuid().ToString("N");
        var refused = await client.CallToolAsync("gamma__echo", new Dictionary<string, object?> { ["text"] = "again" });

        Assert.Equal("beta says with token", Assert.IsType<TextContentBlock>(Assert.Single(accepted.Content)).Text);
        Assert.Contains($"Bearer {accessToken}", upstream.Authorizations);
        Assert.True(refused.IsError);
        Assert.Contains("Gamma MCP refused your credential (HTTP 401)", Assert.IsType<TextContentBlock>(Assert.Single(refused.Content)).Text, StringComparison.Ordinal);
        await Eventually.UntilAsync(
            async () => (await tenant.GetAsync($"/api/registry/credentials/{credentialId}")).GetProperty("status").GetString() == "needs-reauth",
            TimeSpan.FromSeconds(10), () => "the credential marked needs-reauth");
        await Eventually.UntilAsync(
            async () => (await client.CallToolAsync("gamma__echo", new Dictionary<string, object?> { ["text"] = "x" })).Content
                .OfType<TextContentBlock>().Single().Text.StartsWith("Not connected:", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), () => "the next call says to connect again");
    }
}
