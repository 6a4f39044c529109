namespace Platform.Hosting;

/// <summary>Frames server-sent events on a response body; data and keep-alives may be written from two tasks.</summary>
internal sealed class EventStreamWriter(Stream body)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>One event whose data is a single line of JSON (serialized JSON never contains a raw newline).</summary>
    public async Task WriteDataAsync(byte[] json, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await body.WriteAsync(DataPrefix, cancellationToken);
            await body.WriteAsync(json, cancellationToken);
            await body.WriteAsync(EventEnd, cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes a comment now and then so idle connections stay open and dead ones are noticed; ends when cancelled.</summary>
    public async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await _gate.WaitAsync(cancellationToken);
                try
                {
                    await body.WriteAsync(KeepAlive, cancellationToken);
                    await body.FlushAsync(cancellationToken);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Cancelled with its stream, or the client is gone; the data loop notices the same.
        }
    }
}
