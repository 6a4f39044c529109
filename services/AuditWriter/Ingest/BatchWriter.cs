using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.AuditWriter.Ingest;

/// <summary>
/// Collects records from many concurrent consumers into batches and writes each batch in one statement. A
/// consumer's task completes only once its record is committed, so MassTransit acknowledges the message after
/// the row exists: a crash loses nothing, and redelivery finds the row already there. Transient database failures
/// are retried here, without limit, while the messages stay unacknowledged; a record the database refuses is
/// isolated from its batch and failed alone, so one bad record never holds back the others.
/// </summary>
public sealed partial class BatchWriter<TRecord> : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly IBatchStore<TRecord> _store;
    private readonly IngestOptions _options;
    private readonly string _stream;
    private readonly ILogger _logger;

    public BatchWriter(string stream, IBatchStore<TRecord> store, IOptionsMonitor<IngestOptions> options, ILogger<BatchWriter<TRecord>> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _stream = stream;
        _store = store;
        _options = options.Get(stream);
        _logger = logger;
    }

    /// <summary>Completes when the record is stored (or was already); fails with the reason it never can be.</summary>
    public Task WriteAsync(TRecord record, CancellationToken cancellationToken)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException($"The {_stream} writer has stopped.");
        }
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(() => RunAsync(stoppingToken), stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        using var collecting = new CancellationTokenSource();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await CollectAsync(batch, collecting, stoppingToken);
                if (batch.Count > 0)
                {
                    await FlushAsync(batch, stoppingToken);
                    batch.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bus stopped first and waited for its consumers, so only records of abandoned consumers remain:
            // their messages were never acknowledged and come back after the restart.
            foreach (var pending in batch)
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Takes records until the batch is full or the delay since its first record has passed.</summary>
    private async Task CollectAsync(List<Pending> batch, CancellationTokenSource collecting, CancellationToken stoppingToken)
    {
        var deadline = DateTime.UtcNow + _options.MaxBatchDelay;
        while (batch.Count < _options.MaxBatchSize)
        {
            if (_pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            collecting.TryReset();
            collecting.CancelAfter(remaining);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, collecting.Token);
            try
            {
                if (!await _pending.Reader.WaitToReadAsync(linked.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task FlushAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        var records = batch.ConvertAll(pending => pending.Record);
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await _store.WriteAsync(records, stoppingToken);
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetResult();
                }
                return;
            }
            catch (Exception exception) when (DatabaseErrors.IsTransient(exception) && !stoppingToken.IsCancellationRequested)
            {
                LogTransientFailure(_logger, _stream, batch.Count, exception.GetType().Name, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (Exception exception) when (batch.Count > 1 && exception is not (OperationCanceledException or RejectedRecordException))
            {
                // Some record does not fit; write them one by one so only that one fails.
                LogIsolating(_logger, _stream, batch.Count);
                foreach (var pending in batch)
                {
                    await FlushAsync([pending], stoppingToken);
                }
                return;
            }
            catch (PostgresException refused)
            {
                batch[0].Stored.TrySetException(new RejectedRecordException($"The {_stream} record was refused by the database ({DatabaseErrors.Describe(refused)})."));
                return;
            }
            catch (RejectedRecordException rejected)
            {
                FailAll(batch, rejected);
                return;
            }
            catch (Exception unexpected) when (unexpected is not OperationCanceledException)
            {
                // Never let the loop die: fail this message (it is retried, then parked) and go on.
                LogUnexpectedFailure(_logger, _stream, batch.Count, unexpected.GetType().Name);
                FailAll(batch, new RejectedRecordException($"Writing the {_stream} record failed ({unexpected.GetType().Name})."));
                return;
            }
        }
    }

    private static void FailAll(List<Pending> batch, Exception exception)
    {
        foreach (var pending in batch)
        {
            pending.Stored.TrySetException(exception);
        }
    }

    private sealed record Pending(TRecord Record, TaskCompletionSource Stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} {Stream} records failed ({Error}); retrying in {Delay}")]
    private static partial void LogTransientFailure(ILogger logger, string stream, int count, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} {Stream} records failed unexpectedly ({Error})")]
    private static partial void LogUnexpectedFailure(ILogger logger, string stream, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} {Stream} records was refused; writing them one by one to find the bad ones")]
    private static partial void LogIsolating(ILogger logger, string stream, int count);
}
