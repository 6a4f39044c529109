using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Hosting;

/// <summary>Writes a sequence as a <c>text/event-stream</c> (one JSON <c>data:</c> event per item, comment
/// keep-alives) until the sequence ends, the client goes away or the dashboard stops.</summary>
internal sealed class EventStreamResult<T>(Func<CancellationToken, IAsyncEnumerable<T>> events, JsonTypeInfo<T> typeInfo) : IResult
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext context)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = ended.Token;

        var response = context.Response;
        response.ContentType = "text/event-stream";
        // Reverse proxies that buffer (nginx) would hold events back.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        var writer = new EventStreamWriter(response.Body);
        using var keepAliveStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task keepAlive = Task.CompletedTask;
        try
        {
            await response.StartAsync(cancellationToken);
            keepAlive = writer.KeepAliveAsync(KeepAliveInterval, keepAliveStop.Token);
            await foreach (var item in events(cancellationToken))
            {
                await writer.WriteDataAsync(JsonSerializer.SerializeToUtf8Bytes(item, typeInfo), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the dashboard is stopping: the normal end of a stream.
        }
        catch (IOException)
        {
            // The connection broke while writing: the client is gone too.
        }
        finally
        {
            await keepAliveStop.CancelAsync();
            await keepAlive;
        }
    }
}
