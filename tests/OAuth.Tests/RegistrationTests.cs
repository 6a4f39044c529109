namespace Platform.OAuth.Tests;

public sealed class RegistrationTests
{
    private static readonly Uri Document = new("https://platform.example.com/oauth/client-metadata.json");

    [Fact]
    public async Task A_client_id_metadata_document_is_presented_when_the_server_supports_it_and_the_server_fetches_it()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ClientIdMetadataDocument = true });
        await using var document = await ClientDocumentHost.StartAsync(EngineHarness.RedirectUri);
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(document: document.Url));
        await harness.AuthorizeAsync(session);

        Assert.Equal(ClientRegistrationKind.MetadataDocument, session.Client.Kind);
        Assert.Equal(document.Url.AbsoluteUri, server.AuthorizeRequests.Single()["client_id"]);
        Assert.Equal(1, server.DocumentFetches);
        Assert.Equal(0, server.Registrations);
    }

    [Fact]
    public async Task A_server_refuses_a_client_whose_document_names_another_client_id()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ClientIdMetadataDocument = true });
        await using var document = await ClientDocumentHost.StartAsync(EngineHarness.RedirectUri, clientIdOverride: "https://impostor.example/client.json");
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(document: document.Url));

        var request = await harness.Engine.StartAuthorizationAsync(session, EngineHarness.Binding, null, CancellationToken.None);
        var callback = await harness.Engine.TryAuthorizeWithoutBrowserAsync(request, EngineHarness.RedirectUri, CancellationToken.None);

        Assert.Null(callback);
        Assert.Equal(1, server.DocumentFetches);
    }

    [Fact]
    public async Task Dynamic_registration_is_made_once_per_authorization_server_and_reused()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();

        var first = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(document: Document));
        await harness.AuthorizeAsync(first);
        var second = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(document: Document));
        await harness.AuthorizeAsync(second);

        Assert.Equal(ClientRegistrationKind.Dynamic, first.Client.Kind);
        Assert.Equal(first.Client.ClientId, second.Client.ClientId);
        Assert.Equal(1, server.Registrations);
        Assert.Equal("client_secret_basic", first.Client.TokenEndpointAuthMethod);
    }

    [Fact]
    public async Task Preparations_racing_at_one_authorization_server_register_once()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness();

        var sessions = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(document: Document))));

        Assert.Single(sessions.Select(s => s.Client.ClientId).Distinct());
        Assert.Equal(1, server.Registrations);
    }

    [Fact]
    public async Task A_failed_registration_is_not_kept_and_the_next_attempt_registers()
    {
        var store = new InMemoryClientRegistrationStore();
        var key = new ClientRegistrationKey("https://as.example", "https://platform.example/oauth/callback", "authorization_code");
        var registered = new ClientRegistration(ClientRegistrationKind.Dynamic, "c1", null, TokenEndpointAuthMethods.None);

        await Assert.ThrowsAsync<OAuthException>(() => store.GetOrRegisterAsync(key, _ => throw new OAuthException(OAuthSteps.ClientRegistration, "refused"), CancellationToken.None));
        var second = await store.GetOrRegisterAsync(key, _ => Task.FromResult(registered), CancellationToken.None);

        Assert.Same(registered, second);
    }

    [Fact]
    public async Task Dynamic_registration_uses_an_auth_method_the_server_supports()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { TokenEndpointAuthMethods = ["none"] });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        await harness.AuthorizeAsync(session);

        Assert.Equal("none", session.Client.TokenEndpointAuthMethod);
        Assert.Null(session.Client.ClientSecret);
    }

    [Theory]
    [InlineData("client_secret_basic", "Basic", false)]
    [InlineData("client_secret_post", null, true)]
    [InlineData("none", null, false)]
    public async Task A_pre_registered_client_authenticates_by_its_method(string method, string? header, bool secretInBody)
    {
        var secret = method == "none" ? null : "pre-secret";
        await using var server = await TestOAuthServer.StartAsync(new() { PreRegistered = ("pre-client", secret, method), ClientIdMetadataDocument = true });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl, EngineHarness.Settings(new PreRegisteredClient("pre-client", secret, method), Document));
        var tokens = await harness.AuthorizeAsync(session);

        Assert.Equal(ClientRegistrationKind.PreRegistered, session.Client.Kind);
        var token = server.TokenRequests.Single();
        Assert.Equal(header, token.GetValueOrDefault("(authorization)"));
        Assert.Equal(secretInBody, token.ContainsKey("client_secret"));
        Assert.Equal(0, server.Registrations);
        using var call = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Fact]
    public async Task Fixed_endpoints_of_a_pre_registered_client_replace_discovered_ones()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { PreRegistered = ("pre-client", "s", "client_secret_post") });
        using var harness = new EngineHarness();
        var fixedToken = new Uri(server.BaseUrl, "/elsewhere/token");

        var session = await harness.PrepareAsync(server.McpUrl,
            EngineHarness.Settings(new PreRegisteredClient("pre-client", "s", "client_secret_post") { TokenEndpoint = fixedToken }));

        Assert.Equal(fixedToken, session.AuthorizationServer.TokenEndpoint);
    }

    [Fact]
    public async Task No_way_to_register_is_a_clear_error()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { DynamicRegistration = false });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.ClientRegistration, error.Step);
        Assert.Contains("pre-registered", error.Message);
    }

    [Fact]
    public async Task Client_credentials_get_a_token_for_the_resource()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { PreRegistered = ("machine", "m-secret", "client_secret_basic"), ResourceScopesSupported = ["tools:read"] });
        using var harness = new EngineHarness();
        var challenge = await harness.Engine.ChallengeAsync(server.McpUrl, CancellationToken.None);
        var session = await harness.Engine.PrepareAsync(server.McpUrl, challenge,
            new OAuthClientSettings { PreRegistered = new PreRegisteredClient("machine", "m-secret", "client_secret_basic") },
            OAuthGrant.ClientCredentials, CancellationToken.None);

        var tokens = await harness.Engine.RequestClientCredentialsAsync(session, null, CancellationToken.None);

        var request = server.TokenRequests.Single();
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(server.McpUrl.AbsoluteUri, request["resource"]);
        Assert.Equal("tools:read", request["scope"]);
        Assert.Empty(server.AuthorizeRequests);
        using var call = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }
}
