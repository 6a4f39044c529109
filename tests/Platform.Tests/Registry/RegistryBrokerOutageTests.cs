using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Registry;

/// <summary>
/// With the broker stopped, revocations still succeed at once and their events wait in the outbox; they are
/// published when the broker is back. Restores the shared platform (broker and every bus client healthy) after.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryBrokerOutageTests(DistributedApplicationFixture platform)
{
    private static readonly string[] BusClients = ["secrets-vault", "integration-registry", "oauth-broker", "mcp-edge", "webhook-ingress", "audit-writer"];

    private readonly RegistryPlatform _registry = new(platform);
    private readonly RegistryDatabase _database = new(platform.GetConnectionString("registrydb"));

    [Fact]
    public async Task Revocations_during_a_broker_outage_take_effect_at_once_and_are_announced_after_it()
    {
        using var tenant = await _registry.CreateTenantAsync("outage");
        var subject = await tenant.CreateIdentityAsync("owner");
        var agent = await tenant.CreateAgentAsync("worker", subject);
        var (tokenId, token) = await tenant.IssueTokenAsync(agent);
        var install = await tenant.CreateStaticInstallAsync("outage");
        var credential = (await tenant.CreateCredentialAsync(install.InstallId, subject, "outage-key")).GetProperty("id").GetGuid();

        try
        {
            await platform.ExecuteCommandAsync("eventbus", "stop");
            await Eventually.UntilAsync(async () => (await platform.App.GetResourceAsync("eventbus")).State != "running",
                TimeSpan.FromSeconds(30), () => "eventbus stopped");

            await tenant.PostAsync($"/api/registry/agents/{agent}/tokens/{tokenId}/revoke", new { }, "revoke token");
            await tenant.PostAsync($"/api/registry/credentials/{credential}/revoke", new { }, "revoke credential");

            Assert.Null(await _registry.Client("mcp-edge").AuthenticateAgentAsync(token, CancellationToken.None));
            Assert.Equal("revoked", (await _registry.Client("mcp-edge").ResolveCredentialAsync(tenant.Id, install.InstallId, subject, CancellationToken.None))?.Status);
            Assert.Equal(2, await UnpublishedAsync(tokenId, credential));
        }
        finally
        {
            await platform.ExecuteCommandAsync("eventbus", "start");
            await platform.WaitForResourceHealthyAsync("eventbus", TimeSpan.FromSeconds(60));
            foreach (var service in BusClients)
            {
                await platform.WaitForResourceHealthyAsync(service, TimeSpan.FromSeconds(90));
            }
        }

        await Eventually.UntilAsync(async () => await UnpublishedAsync(tokenId, credential) == 0, TimeSpan.FromSeconds(60),
            () => "the revocation events still unpublished in registry.outbox");
    }

    /// <summary>Outbox rows of the token's and the credential's revocation events not yet confirmed by the broker.</summary>
    private async Task<long> UnpublishedAsync(Guid tokenId, Guid credentialId) =>
        await _database.ScalarAsync<long>(
            """
            SELECT count(*) FROM registry.outbox
            WHERE published_at IS NULL
              AND ((message_type = 'AgentTokenRevoked' AND payload->>'tokenId' = @token)
                OR (message_type = 'CredentialRevoked' AND payload->>'credentialId' = @credential))
            """,
            ("token", tokenId.ToString()), ("credential", credentialId.ToString()));
}
