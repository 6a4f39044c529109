using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.OAuth;

/// <summary>
/// A person's OAuth credential revoked through the registry (issue 13, "disconnect"): the tools leave the person's
/// catalog at once, the broker never renews the credential again, and its tokens are revoked at the authorization
/// server (RFC 7009), refresh token first, also when that server is down at the moment of the revocation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisconnectTests(DistributedApplicationFixture platform)
{
    /// <summary>The vault tenant of the broker's dynamic registrations' client secrets (see the broker's PlatformSecrets).</summary>
    private static readonly Guid PlatformSecretsTenant = new("00000000-0000-0000-0000-0000000000b1");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Revoking_a_credential_revokes_its_tokens_at_oidc_provider_and_takes_the_tools_away()
    {
        await using var world = await BrokerOAuthWorld.CreateAsync(platform, "disconnect");
        var (_, agentToken) = await world.Tenant.IssueTokenAsync(await world.Tenant.CreateAgentAsync("assistant", world.IdentityId));
        using var completed = await world.CallbackAsync(await BrokerOAuthWorld.ApproveAsync(await world.StartedUrlAsync()));
        var connected = await Api.ReadAsync(completed, "consent");
        var credentialId = connected.GetProperty("credentialId").GetGuid();
        var refreshId = connected.GetProperty("refreshTokenSecretId").GetGuid();
        var vault = new VaultAccess(platform.App).Client("oauth-broker");
        var refreshToken = await vault.ResolveAsync(world.Tenant.Id, refreshId, CancellationToken.None);
        Assert.Contains(await ToolNamesAsync(agentToken), name => name == "upstream__echo");

        var revoked = await world.Tenant.PostAsync($"/api/registry/credentials/{credentialId}/revoke", new { }, "revoke credential");

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        await Eventually.UntilAsync(async () => !(await ToolNamesAsync(agentToken)).Any(n => n.StartsWith("upstream__", StringComparison.Ordinal)),
            Timeout, () => "the install's tools still listed for the person");
        // Revoked upstream, then the broker forgets the credential and the vault destroys its tokens.
        await Eventually.UntilAsync(
            async () => await world.BrokerDb.ScalarAsync<long>("SELECT count(*) FROM broker.oauth_tokens WHERE credential_id = @id", ("id", credentialId)) == 0
                && (await vault.GetMetadataAsync(world.Tenant.Id, refreshId, CancellationToken.None))?.Status == "revoked",
            Timeout, () => "the credential's row still in brokerdb or its refresh token still in the vault");
        var (error, status) = await RefreshAtProviderAsync(world, refreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
    }

    [Fact]
    public async Task With_the_authorization_server_down_the_revocation_is_local_at_once_and_upstream_once_it_answers()
    {
        // Tokens of 6 s: the sweep would renew them every few seconds, so a renewal of the revoked credential would show.
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "disconnect-down", TimeSpan.FromSeconds(6));
        await using (var agent = await world.AgentAsync())
        {
            Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(agent, "before")).IsError);
        }
        world.Server.RevocationUnavailable = true;

        var revoked = await world.Tenant.PostAsync($"/api/registry/credentials/{world.CredentialId}/revoke", new { }, "revoke credential");

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        await Eventually.UntilAsync(async () => !(await ToolNamesAsync(world.AgentToken)).Contains(TokenLifecycleWorld.EchoTool),
            Timeout, () => "the install's tools still listed for the person");
        await Eventually.UntilAsync(async () => await BrokerStatusAsync(world) == "revoked", Timeout, () => "the broker has not marked the credential revoked");
        var row = await world.BrokerDb.ScalarAsync<DateTime>("SELECT expires_at FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId));
        var refreshes = world.Server.RefreshRequests;
        var vault = new VaultAccess(platform.App).Client("oauth-broker");
        var (accessId, refreshId) = await SecretIdsAsync(world);
        var accessToken = await vault.ResolveAsync(world.Tenant.Id, accessId, CancellationToken.None);
        var refreshToken = await vault.ResolveAsync(world.Tenant.Id, refreshId, CancellationToken.None);

        // The server stays down past the stored token's expiry: attempts are retried, and the sweep renews nothing.
        await Eventually.UntilAsync(() => world.Server.RevocationRequests >= 3 && DateTime.UtcNow > DateTime.SpecifyKind(row, DateTimeKind.Utc).AddSeconds(1),
            Timeout, () => $"{world.Server.RevocationRequests} revocation attempts");
        Assert.Equal(refreshes, world.Server.RefreshRequests);
        Assert.Empty(world.Server.Revoked);
        Assert.Equal("revoked", await BrokerStatusAsync(world));
        Assert.Equal("active", (await vault.GetMetadataAsync(world.Tenant.Id, refreshId, CancellationToken.None))?.Status);
        // Held for the broker as long as the platform's Registry__UpstreamRevocationHold says (6 h in the tests, not the default day).
        var heldFor = await new RegistryDatabase(platform.GetConnectionString("registrydb")).ScalarAsync<TimeSpan>(
            "SELECT held_until - now() FROM registry.pending_secret_revocations WHERE secret_id = @id", ("id", refreshId));
        Assert.InRange(heldFor, TimeSpan.FromHours(6) - Timeout - Timeout, TimeSpan.FromHours(6));

        world.Server.RevocationUnavailable = false;

        await Eventually.UntilAsync(() => world.Server.Revoked.Count >= 2, Timeout, () => $"{world.Server.Revoked.Count} tokens revoked upstream");
        Assert.Equal([refreshToken, accessToken], world.Server.Revoked.ToArray());
        await Eventually.UntilAsync(
            async () => await BrokerStatusAsync(world) is null
                && (await vault.GetMetadataAsync(world.Tenant.Id, accessId, CancellationToken.None))?.Status == "revoked"
                && (await vault.GetMetadataAsync(world.Tenant.Id, refreshId, CancellationToken.None))?.Status == "revoked",
            Timeout, () => "the credential's row still in brokerdb or its tokens still in the vault");
        Assert.Equal(refreshes, world.Server.RefreshRequests);
    }

    [Fact]
    public async Task Connecting_again_revokes_the_replaced_tokens_at_the_authorization_server()
    {
        await using var world = await TokenLifecycleWorld.ConnectedAsync(platform, "reconnect-revokes", TimeSpan.FromHours(1));
        var vault = new VaultAccess(platform.App).Client("oauth-broker");
        var (oldAccessId, oldRefreshId) = await SecretIdsAsync(world);
        var oldAccess = await vault.ResolveAsync(world.Tenant.Id, oldAccessId, CancellationToken.None);
        var oldRefresh = await vault.ResolveAsync(world.Tenant.Id, oldRefreshId, CancellationToken.None);

        Assert.Equal(world.CredentialId, await world.ConnectAsync());

        await Eventually.UntilAsync(() => world.Server.Revoked.Count >= 2, Timeout, () => $"{world.Server.Revoked.Count} replaced tokens revoked upstream");
        Assert.Equal([oldRefresh, oldAccess], world.Server.Revoked.ToArray());
        await Eventually.UntilAsync(
            async () => (await vault.GetMetadataAsync(world.Tenant.Id, oldAccessId, CancellationToken.None))?.Status == "revoked"
                && (await vault.GetMetadataAsync(world.Tenant.Id, oldRefreshId, CancellationToken.None))?.Status == "revoked"
                && await world.BrokerDb.ScalarAsync<long>("SELECT count(*) FROM broker.oauth_tokens WHERE retired_from = @id", ("id", world.CredentialId)) == 0,
            Timeout, () => "the replaced tokens still in the vault, or their retired row still in brokerdb");
        Assert.Equal("active", await BrokerStatusAsync(world));
        Assert.Equal("active", await world.CredentialStatusAsync());
        await using var agent = await world.AgentAsync();
        Assert.NotEqual(true, (await TokenLifecycleWorld.EchoAsync(agent, "with the new consent")).IsError);
    }

    private async Task<List<string>> ToolNamesAsync(string agentToken)
    {
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, agentToken);
        return [.. (await client.ListToolsAsync()).Select(t => t.Name)];
    }

    private static Task<string?> BrokerStatusAsync(TokenLifecycleWorld world) =>
        world.BrokerDb.ScalarAsync<string?>("SELECT status FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId));

    private static async Task<(Guid Access, Guid Refresh)> SecretIdsAsync(TokenLifecycleWorld world) =>
        (await world.BrokerDb.ScalarAsync<Guid>("SELECT access_secret_id FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)),
         await world.BrokerDb.ScalarAsync<Guid>("SELECT refresh_secret_id FROM broker.oauth_tokens WHERE credential_id = @id", ("id", world.CredentialId)));

    /// <summary>The refresh token presented at oidc-provider's token endpoint by the client the broker registered, as the broker would.</summary>
    private async Task<(string? Error, HttpStatusCode Status)> RefreshAtProviderAsync(BrokerOAuthWorld world, string refreshToken)
    {
        var clientId = (await world.BrokerDb.ScalarAsync<string>(
            "SELECT client_id FROM broker.client_registrations WHERE issuer = @issuer AND grant_type = 'authorization_code'", ("issuer", world.Provider.Issuer)))!;
        var secretId = await world.BrokerDb.ScalarAsync<Guid>(
            "SELECT client_secret_id FROM broker.client_registrations WHERE issuer = @issuer AND grant_type = 'authorization_code'", ("issuer", world.Provider.Issuer));
        var method = await world.BrokerDb.ScalarAsync<string>(
            "SELECT token_endpoint_auth_method FROM broker.client_registrations WHERE issuer = @issuer AND grant_type = 'authorization_code'", ("issuer", world.Provider.Issuer));
        var secret = await new VaultAccess(platform.App).Client("oauth-broker").ResolveAsync(PlatformSecretsTenant, secretId, CancellationToken.None);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", refreshToken) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(world.Provider.Issuer + "/token"));
        if (method == "client_secret_post")
        {
            form.Add(new("client_id", clientId));
            form.Add(new("client_secret", secret));
        }
        else
        {
            Assert.Equal("client_secret_basic", method);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        }
        request.Content = new FormUrlEncodedContent(form);
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        var body = await BrokerOAuthWorld.BodyAsync(response);
        return (body.TryGetProperty("error", out var error) ? error.GetString() : null, response.StatusCode);
    }
}
