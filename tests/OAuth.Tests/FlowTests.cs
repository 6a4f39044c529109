namespace Platform.OAuth.Tests;

public sealed class FlowTests
{
    [Fact]
    public async Task Resource_is_canonical_and_equal_on_authorize_and_token_requests()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();
        var upperCase = new Uri(server.McpUrl.AbsoluteUri.Replace("http://127.0.0.1", "HTTP://127.0.0.1", StringComparison.Ordinal) + "/");

        var session = await harness.PrepareAsync(upperCase);
        await harness.AuthorizeAsync(session);

        var authorize = server.AuthorizeRequests.Single();
        var token = server.TokenRequests.Single();
        Assert.Equal(server.McpUrl.AbsoluteUri, authorize["resource"]);
        Assert.Equal(authorize["resource"], token["resource"]);
        Assert.Equal("S256", authorize["code_challenge_method"]);
    }

    [Fact]
    public async Task Scopes_come_from_the_challenge_first()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ChallengeScope = "files:read", ResourceScopesSupported = ["files:read", "files:write"] });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(scopes: ["configured"]));
        await harness.AuthorizeAsync(session);

        Assert.Equal("files:read", server.AuthorizeRequests.Single()["scope"]);
    }

    [Fact]
    public async Task Scopes_come_from_scopes_supported_without_a_challenge_scope()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceScopesSupported = ["files:read", "files:write"] });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(scopes: ["configured"]));
        await harness.AuthorizeAsync(session);

        Assert.Equal("files:read files:write", server.AuthorizeRequests.Single()["scope"]);
    }

    [Fact]
    public async Task Configured_scopes_are_used_when_the_server_names_none()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(scopes: ["configured"]));
        await harness.AuthorizeAsync(session);

        Assert.Equal("configured", server.AuthorizeRequests.Single()["scope"]);
    }

    [Fact]
    public async Task No_scope_at_all_omits_the_parameter()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        await harness.AuthorizeAsync(session);

        Assert.False(server.AuthorizeRequests.Single().ContainsKey("scope"));
    }

    [Fact]
    public async Task Offline_access_is_asked_for_when_offered_and_the_refresh_token_works()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ChallengeScope = "tools:read", ServerScopesSupported = ["tools:read", "offline_access"] });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);
        var refreshed = await harness.Engine.RefreshAsync(session, tokens.RefreshToken!, null, CancellationToken.None);

        Assert.Equal("tools:read offline_access", server.AuthorizeRequests.Single()["scope"]);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        var refresh = server.TokenRequests.Last();
        Assert.Equal("refresh_token", refresh["grant_type"]);
        Assert.Equal(server.McpUrl.AbsoluteUri, refresh["resource"]);
        using var call = await harness.CallAsync(server.McpUrl, refreshed.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Fact]
    public async Task The_resource_switch_omits_resource_on_refresh_only()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ServerScopesSupported = ["offline_access"] });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings() with { ResourceOnRefresh = false });
        var tokens = await harness.AuthorizeAsync(session);
        await harness.Engine.RefreshAsync(session, tokens.RefreshToken!, null, CancellationToken.None);

        Assert.True(server.TokenRequests.First().ContainsKey("resource"));
        Assert.False(server.TokenRequests.Last().ContainsKey("resource"));
    }

    [Fact]
    public async Task Step_up_authorizes_again_with_the_union_of_scopes()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ChallengeScope = "tools:read", RequiredScope = "tools:write" });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);
        var budget = new StepUpBudget();

        using var refused = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(403, (int)refused.StatusCode);
        var scope = budget.Next(tokens.Scope, WwwAuthenticateChallenge.From(refused.Headers)!);
        var stepped = await harness.AuthorizeAsync(session, scope);

        Assert.Equal("tools:read tools:write", server.AuthorizeRequests.Last()["scope"]);
        using var call = await harness.CallAsync(server.McpUrl, stepped.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Fact]
    public async Task Step_up_gives_up_after_three_attempts()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { EndlessStepUp = true });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);
        var budget = new StepUpBudget();

        var error = await Assert.ThrowsAsync<OAuthException>(async () =>
        {
            while (true)
            {
                using var refused = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
                Assert.Equal(403, (int)refused.StatusCode);
                tokens = await harness.AuthorizeAsync(session, budget.Next(tokens.Scope, WwwAuthenticateChallenge.From(refused.Headers)!));
            }
        });

        Assert.Equal(OAuthSteps.StepUp, error.Step);
        Assert.Equal(3, budget.Attempts);
        Assert.Equal(4, server.AuthorizeRequests.Count);
    }

    [Fact]
    public async Task Revocation_reaches_the_revocation_endpoint()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ServerScopesSupported = ["offline_access"] });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);

        Assert.True(await harness.Engine.RevokeAsync(session, tokens.RefreshToken!, "refresh_token", CancellationToken.None));

        Assert.Equal(tokens.RefreshToken, server.Revoked.Single());
    }
}
