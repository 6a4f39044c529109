using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.Benchmarks.Edge;

/// <summary>
/// The upstream both paths call: a stateless Streamable HTTP MCP server on loopback (the SDK's server types) with
/// <c>echo</c>, and <c>progress</c> that reports once at once and answers after 50 ms.
/// </summary>
internal sealed class EchoUpstream : IAsyncDisposable
{
    private static readonly McpServerPrimitiveCollection<McpServerTool> Tools =
    [
        McpServerTool.Create((string text) => text, new() { Name = "echo", Description = "Echoes the text." }),
        McpServerTool.Create(async (IProgress<ProgressNotificationValue> progress, CancellationToken ct) =>
            {
                progress.Report(new ProgressNotificationValue { Progress = 1, Total = 2 });
                await Task.Delay(50, ct);
                return "done";
            },
            new() { Name = "progress", Description = "Reports progress at once, answers after 50 ms." }),
    ];

    private readonly WebApplication _app;

    private EchoUpstream(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<EchoUpstream> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/mcp", HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EchoUpstream(app, new Uri(address.TrimEnd('/') + "/mcp"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var message = await JsonSerializer.DeserializeAsync(
            context.Request.Body, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)));
        var transport = new StreamableHttpServerTransport { Stateless = true };
        var server = McpServer.Create(transport, new McpServerOptions { ServerInfo = new Implementation { Name = "echo", Version = "1" }, ToolCollection = Tools });
        var running = server.RunAsync(context.RequestAborted);
        context.Response.ContentType = "text/event-stream";
        if (!await transport.HandlePostRequestAsync(message!, context.Response.Body, context.RequestAborted))
        {
            context.Response.ContentType = null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
        await transport.DisposeAsync();
        await running;
    }
}
