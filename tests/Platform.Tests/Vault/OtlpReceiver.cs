using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Tests.Vault;

/// <summary>
/// A local OTLP/HTTP (protobuf) endpoint that keeps every export the services send: traces, metrics and logs.
/// Protobuf carries strings as plain UTF-8, so a byte search finds any text in any export.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Signal, DateTimeOffset At, byte[] Body)> Exports { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>Whether an export of <paramref name="signal"/> contains <paramref name="text"/> and the bytes of <paramref name="traceId"/>.</summary>
    public bool Received(string signal, string text, ActivityTraceId traceId)
    {
        Span<byte> id = stackalloc byte[16];
        traceId.CopyTo(id);
        var bytes = id.ToArray();
        return Exports.Any(e => e.Signal == signal && Contains(e.Body, text) && e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>Whether an export of <paramref name="signal"/> received after <paramref name="after"/> contains every one of <paramref name="texts"/>.</summary>
    public bool Received(string signal, DateTimeOffset after, params string[] texts) =>
        Exports.Any(e => e.Signal == signal && e.At > after && texts.All(t => Contains(e.Body, t)));

    /// <summary>How many exports of each signal arrived, for a failure message.</summary>
    public string Summary() => string.Join(", ", Exports.GroupBy(e => e.Signal).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>Which exports contain <paramref name="text"/>, as "signal #index" (never the export's content).</summary>
    public IReadOnlyList<string> ExportsContaining(string text) =>
        [.. Exports.Select((e, i) => (e, i)).Where(x => Contains(x.e.Body, text)).Select(x => $"{x.e.Signal} export #{x.i}")];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context, string signal)
    {
        Stream body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        Exports.Enqueue((signal, DateTimeOffset.UtcNow, buffer.ToArray()));
        // An empty Export*ServiceResponse is a valid (zero-length) protobuf message.
        return Results.Bytes([], "application/x-protobuf");
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
