using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.Tests.McpEdge;

/// <summary>
/// A real upstream MCP server inside the test process: the SDK's server types behind a minimal stateless Streamable
/// HTTP endpoint on Kestrel (127.0.0.1, a free port). It can demand a bearer token, and remembers what each request
/// presented so tests can see which credential (if any) reached it.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpContext, McpServerOptions> _options;
    private readonly ConcurrentQueue<string> _authorizations = new();
    private int _requests;

    private TestUpstream(WebApplication app, Func<HttpContext, McpServerOptions> options, string? requiredBearer)
    {
        _app = app;
        _options = options;
        RequiredBearer = requiredBearer;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>When set, every request without <c>Authorization: Bearer {value}</c> gets 401; may change mid-test.</summary>
    public string? RequiredBearer { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The <c>Authorization</c> header of every request received ("" when absent).</summary>
    public IReadOnlyCollection<string> Authorizations => _authorizations;

    /// <summary>
    /// Starts on 127.0.0.1, or on every IPv4 address with <paramref name="anyAddress"/> (so another loopback address
    /// such as 127.0.0.2 reaches it too; its <see cref="Endpoint"/> then names 127.0.0.1).
    /// </summary>
    public static Task<TestUpstream> StartAsync(Func<McpServerOptions> options, string? requiredBearer = null, bool anyAddress = false) =>
        StartPerRequestAsync(_ => options(), requiredBearer, anyAddress);

    /// <summary>Like <see cref="StartAsync"/>, with a server built from each request (to echo what it presented, say).</summary>
    public static async Task<TestUpstream> StartPerRequestAsync(Func<HttpContext, McpServerOptions> options, string? requiredBearer = null, bool anyAddress = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(anyAddress ? "http://0.0.0.0:0" : "http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new TestUpstream(app, options, requiredBearer);
        app.MapPost("/mcp", upstream.HandleAsync);
        app.MapMethods("/mcp", [HttpMethods.Get, HttpMethods.Delete], context =>
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        upstream.Endpoint = new Uri($"http://127.0.0.1:{new Uri(app.Urls.First()).Port}/mcp");
        return upstream;
    }

    /// <summary>An http URL on which nothing listens (the port was free a moment ago): an upstream that is down.</summary>
    public static Uri NothingListening()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/mcp");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var authorization = context.Request.Headers.Authorization.ToString();
        _authorizations.Enqueue(authorization);
        if (RequiredBearer is { } bearer && authorization != $"Bearer {bearer}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }
        var message = await JsonSerializer.DeserializeAsync(
            context.Request.Body, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)));
        var transport = new StreamableHttpServerTransport { Stateless = true };
        var server = McpServer.Create(transport, _options(context), loggerFactory: null, context.RequestServices);
        var running = server.RunAsync(context.RequestAborted);
        try
        {
            context.Response.ContentType = "text/event-stream";
            if (!await transport.HandlePostRequestAsync(message!, context.Response.Body, context.RequestAborted))
            {
                context.Response.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The edge cancelled the call (timeout) or went away.
        }
        finally
        {
            await transport.DisposeAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // Ends with the request.
            }
        }
    }
}
