using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.IntegrationRegistry.Tests;

/// <summary>
/// A real Kestrel app on a free loopback port using the registry client's two schemes against a
/// <see cref="FakeAuthenticator"/>: <c>/admin</c> needs an admin key, <c>/agent</c> an agent token; both echo the claims.
/// </summary>
public sealed class HandlerHost : IAsyncDisposable
{
    public const string ResourceMetadata = "https://platform.example.com/.well-known/oauth-protected-resource";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private HandlerHost(WebApplication app, Uri address, FakeAuthenticator registry, ManualTimeProvider clock, CapturingLoggerProvider logs)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = address };
        Registry = registry;
        Clock = clock;
        Logs = logs;
    }

    public FakeAuthenticator Registry { get; }

    public ManualTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IPrincipalCache Cache => _app.Services.GetRequiredService<IPrincipalCache>();

    public static async Task<HandlerHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var registry = new FakeAuthenticator();
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IRegistryAuthenticator>(registry);
        builder.Services.AddAuthentication()
            .AddAdminKey()
            .AddAgentToken(options => options.ResourceMetadataUrl = ResourceMetadata);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapGet("/admin", Claims).RequireAuthorization(p => p.AddAuthenticationSchemes(RegistryAuthenticationDefaults.AdminKeyScheme).RequireAuthenticatedUser());
        app.MapGet("/agent", Claims).RequireAuthorization(p => p.AddAuthenticationSchemes(RegistryAuthenticationDefaults.AgentTokenScheme).RequireAuthenticatedUser());
        await app.StartAsync();
        var address = app.Urls.First();
        return new HandlerHost(app, new Uri(address), registry, clock, logs);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Claims(ClaimsPrincipal user) =>
        Results.Json(user.Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Value));
}
