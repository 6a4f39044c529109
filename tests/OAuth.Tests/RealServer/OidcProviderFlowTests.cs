using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Platform.OAuth.Tests.RealServer;

/// <summary>The engine against a real authorization server (oidc-provider) and a real protected MCP server.</summary>
public sealed class OidcProviderFlowTests : IAsyncLifetime
{
    private static readonly Uri Redirect = new("http://127.0.0.1:1/oauth/callback");
    private OidcProviderServer _provider = null!;
    private ProtectedMcpServer _mcp = null!;

    public async Task InitializeAsync()
    {
        _provider = await OidcProviderServer.StartAsync();
        _mcp = await ProtectedMcpServer.StartAsync(_provider.Issuer, ["tools:read", ProtectedMcpServer.RequiredScope]);
    }

    public async Task DisposeAsync()
    {
        await _mcp.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_engine_registers_authorizes_and_calls_a_tool_then_refreshes_and_revokes()
    {
        using var harness = new EngineHarness();
        var settings = EngineHarness.Settings() with { RedirectUri = Redirect };

        var challenge = await harness.Engine.ChallengeAsync(_mcp.McpUrl, CancellationToken.None);
        var session = await harness.Engine.PrepareAsync(_mcp.McpUrl, challenge, settings, OAuthGrant.AuthorizationCode, CancellationToken.None);
        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = await BrowserStandIn.ApproveAsync(request.Url, Redirect);
        var tokens = await harness.Engine.CompleteAuthorizationAsync(callback, EngineHarness.Binding, CancellationToken.None);

        Assert.Equal(ClientRegistrationKind.Dynamic, session.Client.Kind);
        Assert.True(session.AuthorizationServer.AuthorizationResponseIssParameterSupported);
        Assert.Equal(_provider.Issuer, session.AuthorizationServer.Issuer);
        Assert.Equal("tools:read tools:call offline_access openid", request.Scope);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(BrowserStandIn.Login, tokens.Account);
        Assert.Equal("echo: hello", await CallEchoAsync(tokens.AccessToken));

        var refreshed = await harness.Engine.RefreshAsync(session, tokens.RefreshToken!, null, CancellationToken.None);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.Equal("echo: hello", await CallEchoAsync(refreshed.AccessToken));

        Assert.True(await harness.Engine.RevokeAsync(session, refreshed.RefreshToken!, "refresh_token", CancellationToken.None));
        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.RefreshAsync(session, refreshed.RefreshToken!, null, CancellationToken.None));
        Assert.Equal(OAuthSteps.Refresh, error.Step);
        Assert.Contains("invalid_grant", error.Message);
        Assert.DoesNotContain(refreshed.RefreshToken!, error.Message);
    }

    [Fact]
    public async Task A_token_without_the_tool_scope_is_stepped_up()
    {
        using var harness = new EngineHarness();
        var settings = EngineHarness.Settings() with { RedirectUri = Redirect };
        var challenge = await harness.Engine.ChallengeAsync(_mcp.McpUrl, CancellationToken.None);
        var session = await harness.Engine.PrepareAsync(_mcp.McpUrl, challenge, settings, OAuthGrant.AuthorizationCode, CancellationToken.None);

        var narrow = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, "tools:read", CancellationToken.None);
        var tokens = await harness.Engine.CompleteAuthorizationAsync(await BrowserStandIn.ApproveAsync(narrow.Url, Redirect), EngineHarness.Binding, CancellationToken.None);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => CallEchoAsync(tokens.AccessToken));
        Assert.Contains("403", refused.ToString());

        var budget = new StepUpBudget();
        var scope = budget.Next(tokens.Scope, new WwwAuthenticateChallenge(null, ProtectedMcpServer.RequiredScope, "insufficient_scope"));
        var wide = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, scope, CancellationToken.None);
        var stepped = await harness.Engine.CompleteAuthorizationAsync(await BrowserStandIn.ApproveAsync(wide.Url, Redirect), EngineHarness.Binding, CancellationToken.None);

        Assert.Equal("echo: hello", await CallEchoAsync(stepped.AccessToken));
    }

    private async Task<string> CallEchoAsync(string accessToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _mcp.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
        });
        await using var client = await McpClient.CreateAsync(transport);
        var tools = await client.ListToolsAsync();
        Assert.Contains(tools, t => t.Name == "echo");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hello" });
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
