namespace Platform.OAuth.Tests;

public sealed class StateTests
{
    [Fact]
    public async Task A_state_works_once()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = (await harness.Engine.TryAuthorizeWithoutBrowserAsync(request, EngineHarness.RedirectUri, CancellationToken.None))!;

        await harness.Engine.CompleteAuthorizationAsync(callback, EngineHarness.Binding, CancellationToken.None);
        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.CompleteAuthorizationAsync(callback, EngineHarness.Binding, CancellationToken.None));

        Assert.Equal(OAuthSteps.AuthorizationResponse, error.Step);
        Assert.Contains("already used", error.Message);
        Assert.Single(server.TokenRequests);
    }

    [Fact]
    public async Task A_state_is_bound_to_what_started_the_flow()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = (await harness.Engine.TryAuthorizeWithoutBrowserAsync(request, EngineHarness.RedirectUri, CancellationToken.None))!;

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.CompleteAuthorizationAsync(callback, "someone-else", CancellationToken.None));

        Assert.Contains("another request", error.Message);
        Assert.Empty(server.TokenRequests);
    }

    [Fact]
    public async Task A_state_expires_after_ten_minutes()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = (await harness.Engine.TryAuthorizeWithoutBrowserAsync(request, EngineHarness.RedirectUri, CancellationToken.None))!;

        harness.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.CompleteAuthorizationAsync(callback, EngineHarness.Binding, CancellationToken.None));

        Assert.Contains("expired", error.Message);
        Assert.Empty(server.TokenRequests);
    }

    [Fact]
    public async Task The_iss_parameter_is_checked_when_advertised()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { IssParameter = true, WrongIss = "https://mix-up.example.com" });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.AuthorizeAsync(session));

        Assert.Equal(OAuthSteps.AuthorizationResponse, error.Step);
        Assert.Contains("RFC 9207", error.Message);
        Assert.Empty(server.TokenRequests);
    }

    [Fact]
    public async Task A_correct_iss_passes()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { IssParameter = true });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);

        var tokens = await harness.AuthorizeAsync(session);

        Assert.NotNull(tokens.AccessToken);
    }

    [Fact]
    public async Task An_error_callback_names_the_servers_error()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);
        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = new Uri($"{EngineHarness.RedirectUri}?error=access_denied&state={request.State}");

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.CompleteAuthorizationAsync(callback, EngineHarness.Binding, CancellationToken.None));

        Assert.Contains("access_denied", error.Message);
    }
}
