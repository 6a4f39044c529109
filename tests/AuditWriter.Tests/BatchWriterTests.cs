using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.AuditWriter.Ingest;

namespace Platform.AuditWriter.Tests;

public sealed class BatchWriterTests
{
    [Fact]
    public async Task Records_are_written_in_batches_of_at_most_the_size_limit()
    {
        var store = new RecordingStore();
        await using var writer = await StartAsync(store, new IngestOptions { MaxBatchSize = 10, MaxBatchDelay = TimeSpan.FromMilliseconds(100), Writers = 1, PrefetchCount = 100 });

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => writer.Writer.WriteAsync($"r{i}", CancellationToken.None)));

        Assert.All(store.Batches, batch => Assert.InRange(batch.Count, 1, 10));
        Assert.Equal(25, store.Stored.Count);
        Assert.Equal(25, store.Stored.Distinct().Count());
    }

    [Fact]
    public async Task A_lone_record_is_written_once_the_delay_has_passed()
    {
        var store = new RecordingStore();
        await using var writer = await StartAsync(store, new IngestOptions { MaxBatchSize = 1000, MaxBatchDelay = TimeSpan.FromMilliseconds(50), Writers = 1, PrefetchCount = 1000 });

        await writer.Writer.WriteAsync("only", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["only"], store.Stored);
    }

    [Fact]
    public async Task A_refused_record_fails_alone_with_the_reason_and_the_rest_of_its_batch_is_stored()
    {
        var store = new RecordingStore((records, _) => records.Contains("bad")
            ? new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021")
            : null);
        await using var writer = await StartAsync(store, new IngestOptions { MaxBatchSize = 100, MaxBatchDelay = TimeSpan.FromMilliseconds(100), Writers = 1, PrefetchCount = 100 });

        var good = Enumerable.Range(0, 20).Select(i => writer.Writer.WriteAsync($"g{i}", CancellationToken.None)).ToList();
        var bad = writer.Writer.WriteAsync("bad", CancellationToken.None);

        await Task.WhenAll(good);
        var error = await Assert.ThrowsAsync<RejectedRecordException>(() => bad);
        Assert.Equal("The test record was refused by the database (SQLSTATE 22021).", error.Message);
        Assert.Equal(20, store.Stored.Count);
        Assert.DoesNotContain("bad", store.Stored);
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_batch_is_stored()
    {
        var store = new RecordingStore((_, call) => call <= 3 ? new TimeoutException("database away") : null);
        await using var writer = await StartAsync(store, new IngestOptions { MaxBatchSize = 10, MaxBatchDelay = TimeSpan.FromMilliseconds(10), Writers = 1, PrefetchCount = 10 });

        await writer.Writer.WriteAsync("patient", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["patient"], store.Stored);
    }

    [Fact]
    public async Task An_unexpected_failure_rejects_the_record_and_the_writer_keeps_going()
    {
        var store = new RecordingStore((records, _) => records.Contains("boom") ? new InvalidCastException("bug") : null);
        await using var writer = await StartAsync(store, new IngestOptions { MaxBatchSize = 10, MaxBatchDelay = TimeSpan.FromMilliseconds(10), Writers = 2, PrefetchCount = 10 });

        var error = await Assert.ThrowsAsync<RejectedRecordException>(() => writer.Writer.WriteAsync("boom", CancellationToken.None));
        await writer.Writer.WriteAsync("after", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Writing the test record failed (InvalidCastException).", error.Message);
        Assert.Equal(["after"], store.Stored);
    }

    private static async Task<RunningWriter> StartAsync(RecordingStore store, IngestOptions options)
    {
        var writer = new BatchWriter<string>("test", store, new TestOptions<IngestOptions>(options), NullLogger<BatchWriter<string>>.Instance);
        await writer.StartAsync(CancellationToken.None);
        return new RunningWriter(writer);
    }

    private sealed class RunningWriter(BatchWriter<string> writer) : IAsyncDisposable
    {
        public BatchWriter<string> Writer => writer;

        public async ValueTask DisposeAsync()
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }
    }
}
