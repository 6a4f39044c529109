using System.Net;
using System.Net.Sockets;

namespace Platform.OAuth.Tests;

public sealed class BadInputTests
{
    private const string PrmPath = "/.well-known/oauth-protected-resource/mcp";
    private const string AsPath = "/.well-known/oauth-authorization-server";

    public static TheoryData<string, int, string, string, string, string> Faults => new()
    {
        { PrmPath, 200, "application/json", "{\"resource\": ", OAuthSteps.ProtectedResourceMetadata, "malformed JSON" },
        { PrmPath, 200, "text/html", "<html>hello</html>", OAuthSteps.ProtectedResourceMetadata, "text/html, not JSON" },
        { PrmPath, 500, "text/html", "<html>Internal error</html>", OAuthSteps.ProtectedResourceMetadata, "answered 500 (text/html)" },
        { AsPath, 200, "text/plain", "{}", OAuthSteps.AuthorizationServerMetadata, "text/plain, not JSON" },
        { AsPath, 503, "application/json", "{\"error\":\"temporarily_unavailable\"}", OAuthSteps.AuthorizationServerMetadata, "answered 503 with error temporarily_unavailable" },
        { AsPath, 200, "application/json", "[1,2]", OAuthSteps.AuthorizationServerMetadata, "not an object" },
        { "/register", 400, "application/json", "{\"error\":\"invalid_client_metadata\"}", OAuthSteps.ClientRegistration, "answered 400 with error invalid_client_metadata" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_broken_answer_names_the_step_and_what_came(string path, int status, string contentType, string body, string step, string expected)
    {
        await using var server = await TestOAuthServer.StartAsync(new() { Faults = { [path] = (status, contentType, body) } });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(step, error.Step);
        Assert.StartsWith(step + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}", "answered 400 with error invalid_grant (code expired)")]
    [InlineData(500, "text/html", "<html>oops</html>", "answered 500 (text/html)")]
    [InlineData(200, "application/json", "{\"token_type\":\"Bearer\"}", "without an access_token")]
    [InlineData(200, "application/json", "{\"access_token\":\"at-secret-value\",\"token_type\":\"DPoP\"}", "type \"DPoP\"")]
    public async Task A_failing_token_endpoint_is_a_clear_error_without_secrets(int status, string contentType, string body, string expected)
    {
        await using var server = await TestOAuthServer.StartAsync(new() { Faults = { ["/token"] = (status, contentType, body) } });
        using var harness = new EngineHarness();
        var session = await harness.PrepareAsync(server.McpUrl);

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.AuthorizeAsync(session));

        Assert.Equal(OAuthSteps.TokenRequest, error.Step);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("at-secret-value", error.ToString());
        Assert.DoesNotContain(session.Client.ClientSecret!, error.ToString());
        Assert.DoesNotContain("code-", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/mcp");
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.Engine.ChallengeAsync(closed, CancellationToken.None));

        Assert.Equal(OAuthSteps.UnauthenticatedRequest, error.Step);
        Assert.Contains("could not be reached", error.Message);
    }

    [Fact]
    public async Task A_metadata_endpoint_that_never_answers_fails_at_the_step_timeout()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { Hanging = { AsPath } });
        using var harness = new EngineHarness(stepTimeout: TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.AuthorizationServerMetadata, error.Step);
        Assert.Contains("did not answer within 1 s", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_redirect_from_a_metadata_url_is_not_followed()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { Faults = { [PrmPath] = (302, "text/plain", "") } });
        using var harness = new EngineHarness();

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.PrepareAsync(server.McpUrl));

        Assert.Equal(OAuthSteps.ProtectedResourceMetadata, error.Step);
        Assert.Contains("answered 302", error.Message);
    }

    [Fact]
    public void Token_holders_never_print_their_secrets()
    {
        var tokens = new TokenSet { AccessToken = "at-visible?", RefreshToken = "rt-visible?", TokenType = "Bearer", Scope = "a" };
        var client = new ClientRegistration(ClientRegistrationKind.Dynamic, "id", "client-secret-value", "client_secret_basic");
        var pre = new PreRegisteredClient("id", "pre-secret-value", "client_secret_post");

        Assert.DoesNotContain("visible", tokens.ToString());
        Assert.DoesNotContain("client-secret-value", client.ToString());
        Assert.DoesNotContain("pre-secret-value", pre.ToString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
