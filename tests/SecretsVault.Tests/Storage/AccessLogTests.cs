using Microsoft.Extensions.Logging.Abstractions;
using Platform.SecretsVault.Storage;

namespace Platform.SecretsVault.Tests.Storage;

/// <summary>The access log's group commit: which records share a batch, when each caller is answered, failure and stop.</summary>
public sealed class AccessLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public async Task Records_queued_while_a_batch_commits_form_the_next_batch_and_each_caller_waits_for_its_own_commit()
    {
        var store = new GatedAccessLogStore();
        var log = await StartAsync(store);

        var first = log.RecordAsync(Record(1), None);
        Assert.Equal([Record(1)], await store.BatchAsync(0));
        var queued = Enumerable.Range(2, 3).Select(n => log.RecordAsync(Record(n), None)).ToList();
        Assert.False(first.IsCompleted);

        store.Open(0);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([Record(2), Record(3), Record(4)], await store.BatchAsync(1));
        Assert.All(queued, task => Assert.False(task.IsCompleted));

        store.Open(1);
        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([[Record(1)], [Record(2), Record(3), Record(4)]], store.Committed);
        await log.StopAsync(None);
    }

    [Fact]
    public async Task A_long_queue_is_split_into_batches_of_at_most_the_limit_in_queue_order()
    {
        var store = new GatedAccessLogStore();
        var log = await StartAsync(store);
        var first = log.RecordAsync(Record(0), None);
        await store.BatchAsync(0);
        var count = (2 * AccessLog.MaxBatchSize) + 7;
        var queued = Enumerable.Range(1, count).Select(n => log.RecordAsync(Record(n), None)).ToList();

        for (var batch = 0; batch < 4; batch++)
        {
            await store.BatchAsync(batch);
            store.Open(batch);
        }
        await Task.WhenAll([first, .. queued]).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, AccessLog.MaxBatchSize, AccessLog.MaxBatchSize, 7], store.Committed.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, count + 1), store.Committed.SelectMany(b => b).Select(r => r.Version!.Value));
        await log.StopAsync(None);
    }

    [Fact]
    public async Task Writers_commit_side_by_side_so_a_slow_batch_holds_up_only_its_own_callers()
    {
        var store = new GatedAccessLogStore();
        var log = await StartAsync(store, writers: 2);
        var slow = log.RecordAsync(Record(1), None);
        await store.BatchAsync(0);

        var other = log.RecordAsync(Record(2), None);
        Assert.Equal([Record(2)], await store.BatchAsync(1));
        store.Open(1);
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(slow.IsCompleted);

        store.Open(0);
        await slow.WaitAsync(TimeSpan.FromSeconds(10));
        await log.StopAsync(None);
    }

    [Fact]
    public async Task A_failed_batch_refuses_every_caller_in_it_and_the_next_batch_is_written()
    {
        var store = new GatedAccessLogStore { FailWhen = records => records.Any(r => r.Version == 2) };
        var log = await StartAsync(store);
        var first = log.RecordAsync(Record(1), None);
        await store.BatchAsync(0);
        var doomed = new[] { log.RecordAsync(Record(2), None), log.RecordAsync(Record(3), None) };
        store.Open(0);
        Assert.Equal([Record(2), Record(3)], await store.BatchAsync(1));

        store.Open(1);
        foreach (var task in doomed)
        {
            var error = await Assert.ThrowsAsync<AccessLogUnavailableException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal("The access record could not be written.", error.Message);
        }
        var after = log.RecordAsync(Record(4), None);
        await store.BatchAsync(2);
        store.Open(2);
        await after.WaitAsync(TimeSpan.FromSeconds(10));

        await first;
        Assert.Equal([[Record(1)], [Record(4)]], store.Committed);
        await log.StopAsync(None);
    }

    [Fact]
    public async Task Stopping_commits_every_queued_record_before_it_returns_and_then_takes_no_more()
    {
        var store = new GatedAccessLogStore();
        var log = await StartAsync(store);
        var recorded = new List<Task> { log.RecordAsync(Record(1), None) };
        await store.BatchAsync(0);
        recorded.Add(log.RecordAsync(Record(2), None));
        recorded.Add(log.RecordAsync(Record(3), None));

        var stopping = log.StopAsync(None);
        Assert.False(stopping.IsCompleted);
        await Assert.ThrowsAsync<AccessLogUnavailableException>(() => log.RecordAsync(Record(4), None));
        store.Open(0);
        await store.BatchAsync(1);
        Assert.False(stopping.IsCompleted);
        store.Open(1);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(recorded, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal([[Record(1)], [Record(2), Record(3)]], store.Committed);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_still_has_its_record_committed()
    {
        var store = new GatedAccessLogStore();
        var log = await StartAsync(store);
        using var abandoned = new CancellationTokenSource();
        var waiting = log.RecordAsync(Record(1), abandoned.Token);
        await store.BatchAsync(0);

        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        store.Open(0);
        await log.StopAsync(None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([[Record(1)]], store.Committed);
    }

    private static async Task<AccessLog> StartAsync(GatedAccessLogStore store, int writers = 1)
    {
        var log = new AccessLog(store, NullLogger<AccessLog>.Instance, writers);
        await log.StartAsync(None);
        return log;
    }

    private static AccessRecord Record(int version) =>
        new("mcp-edge", AccessOperations.Resolve, Tenant, Guid.Empty, version, AccessOutcomes.Ok);
}
