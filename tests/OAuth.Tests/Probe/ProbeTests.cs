using Platform.OAuth.Tests.RealServer;

namespace Platform.OAuth.Tests.Probe;

public sealed class ProbeTests
{
    [Fact]
    public async Task The_probe_authorizes_lists_and_calls_without_a_browser_when_the_server_redirects_at_once()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ChallengeScope = "tools:read" });

        var run = await ProbeRun.RunAsync("--allow", "127.0.0.1", "--call", "echo", "--args", "{\"message\":\"hi\"}", server.McpUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Protected resource metadata", run.Output);
        Assert.Contains("Dynamic", run.Output);
        Assert.Contains("no browser needed", run.Output);
        Assert.Contains("1 tool(s): echo", run.Output);
        Assert.Contains("result: echo: hi", run.Output);
        Assert.DoesNotContain("at-", run.Output);
        Assert.DoesNotContain("code-", run.Output);
    }

    [Fact]
    public async Task The_probe_uses_a_pre_registered_client()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { PreRegistered = ("probe-client", "probe-secret", "client_secret_post") });

        var run = await ProbeRun.RunAsync("--client-id", "probe-client", "--client-secret", "probe-secret", "--token-auth", "post", "--allow", "127.0.0.0/8", server.McpUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("PreRegistered", run.Output);
        Assert.DoesNotContain("probe-secret", run.Output);
        Assert.Equal(0, server.Registrations);
    }

    [Fact]
    public async Task The_probe_steps_up_on_insufficient_scope()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { ChallengeScope = "tools:read", RequiredScope = "tools:write" });

        var run = await ProbeRun.RunAsync("--allow", "127.0.0.1", "--call", "echo", server.McpUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Step-up 1 of 3", run.Output);
        Assert.Equal("tools:read tools:write", server.AuthorizeRequests.Last()["scope"]);
    }

    [Fact]
    public async Task The_probe_gives_up_after_three_step_ups_with_one_line()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { EndlessStepUp = true });

        var run = await ProbeRun.RunAsync("--allow", "127.0.0.1", "--call", "echo", server.McpUrl.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("oauth-probe: failed at step-up:", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Equal(4, server.AuthorizeRequests.Count);
    }

    [Fact]
    public async Task Without_allow_the_outbound_policy_refuses_loopback()
    {
        await using var server = await TestOAuthServer.StartAsync(new());

        var run = await ProbeRun.RunAsync(server.McpUrl.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed at unauthenticated request", run.Error);
        Assert.Contains("outbound policy", run.Error);
        Assert.Empty(server.RequestedPaths);
    }

    [Fact]
    public async Task A_failing_step_is_named_in_one_line()
    {
        await using var server = await TestOAuthServer.StartAsync(new() { Faults = { ["/token"] = (500, "text/html", "<html>down</html>") } });

        var run = await ProbeRun.RunAsync("--allow", "127.0.0.1", server.McpUrl.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"oauth-probe: failed at token request: {server.BaseUrl}token answered 500 (text/html).", run.Error.Trim());
    }

    [Theory]
    [InlineData(new string[0], "URL is missing")]
    [InlineData(new[] { "--token-auth", "jwt", "https://mcp.example.com/mcp" }, "basic, post or none")]
    [InlineData(new[] { "--args", "[1]", "https://mcp.example.com/mcp" }, "JSON object")]
    [InlineData(new[] { "--bogus", "x", "https://mcp.example.com/mcp" }, "unknown option")]
    [InlineData(new[] { "--call" , "https://mcp.example.com/mcp" }, "needs a value")]
    [InlineData(new[] { "ftp://mcp.example.com" }, "not an http(s) URL")]
    public async Task Bad_usage_exits_with_2(string[] args, string expected)
    {
        var run = await ProbeRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Contains("usage: oauth-probe", run.Error);
    }

    [Fact]
    public async Task The_probe_waits_for_a_browser_at_its_loopback_listener_with_oidc_provider()
    {
        await using var provider = await OidcProviderServer.StartAsync();
        await using var mcp = await ProtectedMcpServer.StartAsync(provider.Issuer, ["tools:read", ProtectedMcpServer.RequiredScope]);

        var run = ProbeRun.Start("--allow", "127.0.0.1", "--call", "echo", "--args", "{\"message\":\"from the probe\"}", mcp.McpUrl.AbsoluteUri);
        var url = await WaitForAuthorizationUrlAsync(run);
        var redirect = new Uri(System.Web.HttpUtility.ParseQueryString(url.Query)["redirect_uri"]!);
        var callback = await BrowserStandIn.ApproveAsync(url, redirect);
        using (var browser = new HttpClient())
        {
            using var delivered = await browser.GetAsync(callback);
            Assert.Equal(200, (int)delivered.StatusCode);
        }
        var exit = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, run.Output + run.Error);
        Assert.Contains("Open this URL in a browser", run.Output);
        Assert.Contains("result: echo: from the probe", run.Output);
        Assert.DoesNotContain("eyJ", run.Output);
    }

    private static async Task<Uri> WaitForAuthorizationUrlAsync(ProbeRun run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var lines = run.Output.Split('\n');
            var index = Array.FindIndex(lines, l => l.StartsWith("Open this URL", StringComparison.Ordinal));
            if (index >= 0 && index + 1 < lines.Length && lines[index + 1].Trim().Length > 0 && run.Output.EndsWith('\n'))
            {
                return new Uri(lines[index + 1].Trim());
            }
            Assert.False(run.Completion.IsCompleted, run.Output + run.Error);
            await Task.Delay(50);
        }
        throw new TimeoutException("The probe printed no authorization URL within 30 s: " + run.Output + run.Error);
    }
}
