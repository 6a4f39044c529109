using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth.Tests.RealServer;
using Platform.SecretsVault.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;
using Platform.Tests.Vault;

namespace Platform.Tests.OAuth;

/// <summary>
/// The engine running in the broker against real PostgreSQL, a real authorization server (oidc-provider, dynamic
/// registration, PKCE, resource indicators) and a protected MCP server that checks audience and scope: an internal
/// start, the person's approval, the callback through the gateway, the tokens in the vault; one registration however
/// many start at once; a state works once and only for 10 minutes; failures are problem details that carry no token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrokerAuthorizationTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private BrokerOAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = await BrokerOAuthWorld.CreateAsync(platform, "broker-oauth");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_person_authorizes_and_the_tokens_land_in_the_vault_and_open_the_protected_server()
    {
        var url = await _world.StartedUrlAsync();
        var query = BrokerOAuthWorld.Query(url);
        // The pending row is found by the state's hash; neither the state nor a readable verifier is stored.
        var stateStored = await _world.BrokerDb.AnyRowContainsAsync("broker", query["state"]);
        var pending = await _world.BrokerDb.ScalarAsync<long>(
            "SELECT count(*) FROM broker.pending_authorizations WHERE state_hash = sha256(convert_to(@state, 'UTF8'))", ("state", query["state"]));
        using var completed = await _world.CallbackAsync(await BrokerOAuthWorld.ApproveAsync(url));

        var body = await completed.Content.ReadAsStringAsync();
        var result = await Api.ReadAsync(completed, "callback");
        Assert.False(stateStored);
        Assert.Equal(1L, pending);
        Assert.Equal(_world.Mcp.McpUrl.AbsoluteUri, query["resource"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("tools:read tools:call offline_access openid", query["scope"]);
        Assert.Equal(BrowserStandIn.Login, result.GetProperty("account").GetString());
        Assert.Equal(_world.InstallId, result.GetProperty("installId").GetGuid());
        Assert.Equal(_world.IdentityId, result.GetProperty("identityId").GetGuid());
        var vault = new VaultAccess(platform.App).Client("oauth-broker");
        var accessId = result.GetProperty("accessTokenSecretId").GetGuid();
        var refreshId = result.GetProperty("refreshTokenSecretId").GetGuid();
        var accessToken = await vault.ResolveAsync(_world.Tenant.Id, accessId, CancellationToken.None);
        var refreshToken = await vault.ResolveAsync(_world.Tenant.Id, refreshId, CancellationToken.None);
        Assert.Equal(SecretPurposes.OAuthToken, (await vault.GetMetadataAsync(_world.Tenant.Id, accessId, CancellationToken.None))?.Purpose);
        Assert.Equal(SecretPurposes.OAuthRefreshToken, (await vault.GetMetadataAsync(_world.Tenant.Id, refreshId, CancellationToken.None))?.Purpose);
        Assert.Equal("echo: hello", await CallEchoAsync(accessToken));
        Assert.DoesNotContain(accessToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain(refreshToken, body, StringComparison.Ordinal);
        Assert.False(await _world.BrokerDb.AnyRowContainsAsync("broker", accessToken));
        Assert.False(await _world.BrokerDb.AnyRowContainsAsync("broker", refreshToken));
        Assert.Equal(0L, await _world.BrokerDb.ScalarAsync<long>(
            "SELECT count(*) FROM broker.pending_authorizations WHERE binding LIKE @install", ("install", $"%{_world.InstallId:N}%")));
    }

    [Fact]
    public async Task After_consent_the_agent_reaches_the_protected_server_with_its_persons_token_and_a_new_consent_replaces_it()
    {
        var agent = await _world.Tenant.CreateAgentAsync("assistant", _world.IdentityId);
        var (_, agentToken) = await _world.Tenant.IssueTokenAsync(agent);
        using var first = await _world.CallbackAsync(await BrokerOAuthWorld.ApproveAsync(await _world.StartedUrlAsync()));
        var connected = await Api.ReadAsync(first, "first consent");
        var credentialId = connected.GetProperty("credentialId").GetGuid();

        var credential = await _world.Tenant.GetAsync($"/api/registry/credentials/{credentialId}");
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, agentToken);
        var tools = await client.ListToolsAsync();
        var echo = await client.CallToolAsync("upstream__echo", new Dictionary<string, object?> { ["message"] = "through the edge" });
        using var second = await _world.CallbackAsync(await BrokerOAuthWorld.ApproveAsync(await _world.StartedUrlAsync()));
        var reconnected = await Api.ReadAsync(second, "second consent");

        Assert.Equal("active", credential.GetProperty("status").GetString());
        Assert.Contains("tools:call", credential.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(tools, t => t.Name == "upstream__echo");
        Assert.NotEqual(true, echo.IsError);
        Assert.Equal("echo: through the edge", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        Assert.Equal(credentialId, reconnected.GetProperty("credentialId").GetGuid());
        var vault = new VaultAccess(platform.App).Client("oauth-broker");
        var replaced = connected.GetProperty("accessTokenSecretId").GetGuid();
        await Eventually.UntilAsync(
            async () => (await vault.GetMetadataAsync(_world.Tenant.Id, replaced, CancellationToken.None))?.Status == "revoked",
            TimeSpan.FromSeconds(15), () => "the replaced access token revoked in the vault");
        Assert.Equal("active", (await vault.GetMetadataAsync(_world.Tenant.Id, reconnected.GetProperty("accessTokenSecretId").GetGuid(), CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Broker_requests_at_once_share_one_dynamic_registration()
    {
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _world.StartedUrlAsync()));

        var clientIds = starts.Select(u => BrokerOAuthWorld.Query(u)["client_id"]).Distinct().ToList();
        Assert.Single(clientIds);
        Assert.Equal(1L, await _world.BrokerDb.ScalarAsync<long>(
            "SELECT count(*) FROM broker.client_registrations WHERE issuer = @issuer", ("issuer", _world.Provider.Issuer)));
        Assert.Equal(1L, await _world.BrokerDb.ScalarAsync<long>(
            "SELECT count(*) FROM broker.client_registrations WHERE issuer = @issuer AND client_secret_id IS NOT NULL AND client_id = @client",
            ("issuer", _world.Provider.Issuer), ("client", clientIds[0])));
        var callback = await BrokerOAuthWorld.ApproveAsync(starts[2]);
        using var completed = await _world.CallbackAsync(callback);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    [Fact]
    public async Task A_state_used_twice_is_refused_the_second_time()
    {
        var callback = await BrokerOAuthWorld.ApproveAsync(await _world.StartedUrlAsync());

        using var first = await _world.CallbackAsync(callback);
        using var second = await _world.CallbackAsync(callback);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await Api.AssertProblemAsync(second, HttpStatusCode.BadRequest);
        Assert.Contains("unknown or was already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("authorization response", problem.GetProperty("step").GetString());
    }

    [Fact]
    public async Task An_authorization_older_than_ten_minutes_is_refused_and_gone()
    {
        var url = await _world.StartedUrlAsync();
        var callback = await BrokerOAuthWorld.ApproveAsync(url);
        var aged = await _world.BrokerDb.ScalarAsync<long>(
            """
            WITH aged AS (
                UPDATE broker.pending_authorizations SET created_at = created_at - interval '11 minutes', expires_at = expires_at - interval '11 minutes'
                WHERE state_hash = sha256(convert_to(@state, 'UTF8')) RETURNING 1)
            SELECT count(*) FROM aged
            """, ("state", BrokerOAuthWorld.Query(url)["state"]));

        using var response = await _world.CallbackAsync(callback);

        Assert.Equal(1L, aged);
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var again = await _world.CallbackAsync(callback);
        Assert.Contains("unknown or was already used", (await Api.AssertProblemAsync(again, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_and_failing_upstreams_are_problem_details_and_no_token_reaches_the_log()
    {
        var marker = "oauth-marker-" + Guid.NewGuid().ToString("N");
        var unreachable = await _world.CreateOAuthInstallAsync("gone", $"http://127.0.0.1:1/{marker}");
        using var broker = _world.Broker();
        var completedUrl = await _world.StartedUrlAsync();
        using var completed = await _world.CallbackAsync(await BrokerOAuthWorld.ApproveAsync(completedUrl));
        var result = await Api.ReadAsync(completed, "callback");
        var accessToken = await new VaultAccess(platform.App).Client("oauth-broker")
            .ResolveAsync(_world.Tenant.Id, result.GetProperty("accessTokenSecretId").GetGuid(), CancellationToken.None);

        using var missing = await broker.PostAsJsonAsync("/internal/oauth/authorizations", new { tenantId = _world.Tenant.Id });
        using var unreadable = await broker.PostAsync("/internal/oauth/authorizations", new StringContent("{\"installId\":", System.Text.Encoding.UTF8, "application/json"));
        using var unknownInstall = await _world.StartAsync(Guid.NewGuid());
        using var noState = await _world.CallbackAsync(new Uri("http://x/oauth/callback?code=abc"));
        using var unknownState = await _world.CallbackAsync(new Uri("http://x/oauth/callback?code=abc&state=never-issued"));
        using var denied = await _world.CallbackAsync(new Uri($"http://x/oauth/callback?error=access_denied&iss={Uri.EscapeDataString(_world.Provider.Issuer)}&state={BrokerOAuthWorld.Query(await _world.StartedUrlAsync())["state"]}"));
        using var withoutKey = await platform.CreateHttpClient("oauth-broker").PostAsJsonAsync("/internal/oauth/authorizations", new { });
        using var failing = await _world.StartAsync(unreachable);

        await Api.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "installId", "identityId");
        await Api.AssertProblemAsync(unreadable, HttpStatusCode.BadRequest);
        await Api.AssertProblemAsync(unknownInstall, HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(noState, HttpStatusCode.BadRequest);
        await Api.AssertProblemAsync(unknownState, HttpStatusCode.BadRequest);
        var deniedProblem = await Api.AssertProblemAsync(denied, HttpStatusCode.BadRequest);
        Assert.Contains("access_denied", deniedProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        var upstream = await Api.AssertProblemAsync(failing, HttpStatusCode.BadGateway);
        Assert.Equal("unauthenticated request", upstream.GetProperty("step").GetString());
        Assert.Contains(marker, upstream.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The callback came through the gateway to either broker replica: each is sent the marker, and both logs are read.
        using var failingOnSecond = await _world.StartAsync(unreachable, replica: 1);
        await Api.AssertProblemAsync(failingOnSecond, HttpStatusCode.BadGateway);
        var lines = (await ResourceLogs.ReadUntilAsync(platform.App, "oauth-broker-0", marker, TimeSpan.FromSeconds(30)))
            .Concat(await ResourceLogs.ReadUntilAsync(platform.App, "oauth-broker-1", marker, TimeSpan.FromSeconds(30))).ToList();
        Assert.DoesNotContain(lines, line => line.Contains(accessToken, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(BrokerOAuthWorld.Query(completedUrl)["state"], StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Authorization completed", StringComparison.Ordinal));
    }

    private async Task<string> CallEchoAsync(string accessToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _world.Mcp.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
        });
        await using var client = await McpClient.CreateAsync(transport);
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hello" });
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
