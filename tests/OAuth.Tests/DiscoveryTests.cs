namespace Platform.OAuth.Tests;

public sealed class DiscoveryTests
{
    [Theory]
    [InlineData(ResourceMetadataPlacement.PathInserted, false, "/.well-known/oauth-protected-resource/mcp")]
    [InlineData(ResourceMetadataPlacement.Root, false, "/.well-known/oauth-protected-resource")]
    [InlineData(ResourceMetadataPlacement.HeaderOnly, true, "/custom/resource-metadata.json")]
    [InlineData(ResourceMetadataPlacement.PathInserted, true, "/.well-known/oauth-protected-resource/mcp")]
    public async Task Resource_metadata_is_found_where_the_server_publishes_it(ResourceMetadataPlacement placement, bool inHeader, string expectedPath)
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceMetadata = placement, ResourceMetadataInHeader = inHeader });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);

        Assert.Equal(expectedPath, session.ResourceMetadataSource!.AbsolutePath);
        Assert.Equal(server.McpUrl.AbsoluteUri, session.Resource);
        using var call = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Theory]
    [InlineData("", ServerMetadataPlacement.OAuthInserted)]
    [InlineData("", ServerMetadataPlacement.OpenIdInserted)]
    [InlineData("/tenant1", ServerMetadataPlacement.OAuthInserted)]
    [InlineData("/tenant1", ServerMetadataPlacement.OpenIdInserted)]
    [InlineData("/tenant1", ServerMetadataPlacement.OpenIdAppended)]
    public async Task Authorization_server_metadata_is_found_by_each_rule(string issuerPath, ServerMetadataPlacement placement)
    {
        await using var server = await TestOAuthServer.StartAsync(new() { IssuerPath = issuerPath, ServerMetadata = placement });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);

        Assert.Equal(server.ServerMetadataPath, session.AuthorizationServer.Source!.AbsolutePath);
        Assert.Equal(server.Issuer, session.AuthorizationServer.Issuer);
        await harness.AuthorizeAsync(session);
    }

    [Fact]
    public async Task The_spec_order_is_followed_for_an_issuer_with_a_path()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { IssuerPath = "/tenant1", ServerMetadata = ServerMetadataPlacement.OpenIdAppended });
        using var harness = new EngineHarness();

        await harness.PrepareAsync(server.McpUrl);

        var metadataPaths = server.RequestedPaths.Where(p => p.Contains("well-known", StringComparison.Ordinal) && !p.Contains("protected", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/.well-known/oauth-authorization-server/tenant1", "/.well-known/openid-configuration/tenant1", "/tenant1/.well-known/openid-configuration"],
            metadataPaths);
    }

    [Fact]
    public async Task A_2025_03_26_server_without_resource_metadata_uses_metadata_at_its_origin()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceMetadata = ResourceMetadataPlacement.None });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);

        Assert.Null(session.ResourceMetadata);
        Assert.Equal("/.well-known/oauth-authorization-server", session.AuthorizationServer.Source!.AbsolutePath);
        using var call = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Fact]
    public async Task A_2025_03_26_server_without_any_metadata_gets_the_default_endpoints()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceMetadata = ResourceMetadataPlacement.None, ServerMetadata = ServerMetadataPlacement.None });
        using var harness = new EngineHarness();

        var session = await harness.PrepareAsync(server.McpUrl);
        var tokens = await harness.AuthorizeAsync(session);

        Assert.Null(session.AuthorizationServer.Source);
        Assert.Equal("/token", session.AuthorizationServer.TokenEndpoint.AbsolutePath);
        Assert.Equal(1, server.Registrations);
        using var call = await harness.CallAsync(server.McpUrl, tokens.AccessToken);
        Assert.Equal(200, (int)call.StatusCode);
    }

    [Fact]
    public async Task An_issuer_mismatch_is_refused()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { IssuerOverride = "https://evil.example.com" });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.AuthorizationServerMetadata, error.Step);
        Assert.Contains("https://evil.example.com", error.Message);
    }

    [Fact]
    public async Task Resource_metadata_for_another_resource_is_refused()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceOverride = "https://other.example.com/mcp" });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.ProtectedResourceMetadata, error.Step);
        Assert.Contains("other.example.com", error.Message);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task A_server_without_S256_is_refused(string? method)
    {
        string[]? methods = method is null ? null : [method];
        await using var server = await TestOAuthServer.StartAsync(new() { CodeChallengeMethods = methods });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.AuthorizationServerMetadata, error.Step);
        Assert.Contains("S256", error.Message);
    }

    [Fact]
    public async Task The_outbound_policy_refuses_a_private_metadata_url()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ResourceMetadata = ResourceMetadataPlacement.PathInserted });
        using var harness = new EngineHarness();
        var challenge = new WwwAuthenticateChallenge("http://169.254.169.254/latest/meta-data", null, null);

        var error = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.Engine.PrepareAsync(server.McpUrl, challenge, EngineHarness.Settings(), OAuthGrant.AuthorizationCode, CancellationToken.None));

        Assert.Equal(OAuthSteps.ProtectedResourceMetadata, error.Step);
        Assert.Contains("outbound policy", error.Message);
    }

    [Fact]
    public async Task The_outbound_policy_refuses_loopback_outside_the_allow_list()
    {
        await using var server = await TestOAuthServer.StartAsync(new());
        using var harness = new EngineHarness(allowedNetworks: []);

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.ChallengeAsync(server.McpUrl, CancellationToken.None));

        Assert.Equal(OAuthSteps.UnauthenticatedRequest, error.Step);
        Assert.Empty(server.RequestedPaths);
    }
}
