using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.OAuth.Tests.RealServer;

/// <summary>
/// A real MCP server (the SDK's ASP.NET Core host, one tool) protected as the MCP authorization spec says: 401 with
/// <c>resource_metadata</c>, Protected Resource Metadata naming the authorization server, and every request's JWT
/// checked for signature, issuer, audience (this server) and the scope <see cref="RequiredScope"/> (403
/// insufficient_scope without it).
/// </summary>
public sealed class ProtectedMcpServer : IAsyncDisposable
{
    public const string RequiredScope = "tools:call";

    private readonly WebApplication _app;

    private ProtectedMcpServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri McpUrl => new(BaseUrl, "/mcp");

    public int Refused { get; private set; }

    public static async Task<ProtectedMcpServer> StartAsync(string issuer, string[] scopesSupported)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools([typeof(EchoTool)]);
        var app = builder.Build();
        ProtectedMcpServer? self = null;
        var http = new HttpClient();
        JwtAccessTokenValidator? validator = null;
        app.MapGet("/.well-known/oauth-protected-resource/mcp", () => Results.Json(new
        {
            resource = self!.McpUrl.AbsoluteUri,
            authorization_servers = new[] { issuer },
            scopes_supported = scopesSupported,
        }));
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/.well-known"))
            {
                await next();
                return;
            }
            validator ??= new JwtAccessTokenValidator(issuer, self!.McpUrl.AbsoluteUri, http);
            var header = context.Request.Headers.Authorization.ToString();
            var scopes = header.StartsWith("Bearer ", StringComparison.Ordinal) ? await validator.ValidateAsync(header["Bearer ".Length..]) : null;
            if (scopes is null)
            {
                self!.Refused++;
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer resource_metadata=\"{new Uri(self.BaseUrl, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri}\"";
                context.Response.StatusCode = 401;
                return;
            }
            if (!scopes.Contains(RequiredScope))
            {
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{RequiredScope}\"";
                context.Response.StatusCode = 403;
                return;
            }
            await next();
        });
        app.MapMcp("/mcp");
        await app.StartAsync();
        self = new ProtectedMcpServer(app, new Uri(app.Urls.Single()));
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
