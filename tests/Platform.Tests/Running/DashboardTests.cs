using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Running;

[Collection(PlatformCollection.Name)]
public sealed class DashboardTests(DistributedApplicationFixture platform)
{
    /// <summary>
    /// Loopback alone used to be enough: any local process, or an upstream URL aimed at loopback, could stop a service
    /// for every tenant. Now a command needs the dashboard's login token.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task A_resource_command_without_the_dashboard_login_token_is_refused_with_401(string? token)
    {
        using var dashboard = new HttpClient { BaseAddress = new Uri(platform.App.Endpoints.Dashboard) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/resources/secrets-vault/commands/stop");
        request.Headers.Add("X-Platform-Command", "1");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await dashboard.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await platform.App.GetResourceAsync("secrets-vault")).IsRunningAndHealthy);
    }

    [Fact]
    public void The_login_token_is_long_and_random()
    {
        Assert.Matches("^[0-9a-f]{64}$", platform.App.Endpoints.DashboardToken);
    }

    [Fact]
    public async Task Dashboard_masks_secret_values_in_the_environment()
    {
        var environment = (await platform.App.GetEnvironmentAsync("audit-writer")).ToDictionary(v => v.Name, v => v.Value);

        // Messages name the variable only: were masking broken, printing the value would print the password.
        foreach (var name in new[] { "ConnectionStrings__auditdb", "ConnectionStrings__eventbus" })
        {
            Assert.True(environment.TryGetValue(name, out var value), $"{name} is missing");
            Assert.True(value == "********", $"{name} is not masked");
        }
        Assert.Equal("audit-writer", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public async Task No_generated_password_appears_in_any_environment_the_dashboard_shows()
    {
        var secrets = platform.App.Endpoints.Secrets();
        Assert.Equal(2, secrets.Count); // PostgreSQL's and RabbitMQ's

        foreach (var instance in PlatformModel.Instances.Select(i => i.Instance))
        {
            var json = await platform.App.GetEnvironmentJsonAsync(instance);
            // Never Assert.DoesNotContain(secret, json): its failure message would print the secret.
            Assert.False(secrets.Any(s => json.Contains(s, StringComparison.Ordinal)), $"the environment of {instance} shows a generated password");
        }
    }

    [Fact]
    public void The_apphost_console_never_shows_a_generated_password()
    {
        var process = platform.App.Process;
        var secrets = platform.App.Endpoints.Secrets();

        Assert.True(process.Wrote("Platform ready in"), "the AppHost never said the platform was ready");
        Assert.False(secrets.Any(process.Wrote), "the AppHost printed a generated password");
    }

    [Fact]
    public async Task Dashboard_serves_its_page_and_streams_logs()
    {
        using var client = new HttpClient { BaseAddress = new Uri(platform.App.Endpoints.Dashboard), Timeout = TimeSpan.FromSeconds(30) };

        using var page = await client.GetAsync("/");
        Assert.True(page.IsSuccessStatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var logs = await client.GetAsync("/api/resources/gateway/logs", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", logs.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await logs.Content.ReadAsStreamAsync(cts.Token));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cts.Token);
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));
        Assert.NotNull(line);
    }
}
