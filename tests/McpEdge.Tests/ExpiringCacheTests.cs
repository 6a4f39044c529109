using Platform.McpEdge.Caching;

namespace Platform.McpEdge.Tests;

public sealed class ExpiringCacheTests
{
    [Fact]
    public async Task Concurrent_misses_share_one_load()
    {
        var cache = new ExpiringCache<string, int>(TimeProvider.System);
        var loads = 0;
        var gate = new TaskCompletionSource();

        var waiters = Enumerable.Range(0, 10).Select(_ => cache.GetOrLoadAsync("k", async (_, _) =>
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return (42, TimeSpan.FromMinutes(1));
        }, CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(waiters), value => Assert.Equal(42, value));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_failed_load_is_not_kept()
    {
        var cache = new ExpiringCache<string, int>(TimeProvider.System);

        // Many times over, both ways of failing: a race that kept a failure would show up here.
        for (var i = 0; i < 200; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync("k", (_, _) => throw new InvalidOperationException(), CancellationToken.None));
            await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync("k", async (_, _) =>
            {
                await Task.Yield();
                throw new InvalidOperationException();
            }, CancellationToken.None));
        }
        var value = await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult((7, TimeSpan.FromMinutes(1))), CancellationToken.None);

        Assert.Equal(7, value);
    }

    [Fact]
    public async Task A_load_in_flight_when_its_key_is_invalidated_is_not_put_back()
    {
        var cache = new ExpiringCache<string, int>(TimeProvider.System);
        var gate = new TaskCompletionSource();
        var stale = cache.GetOrLoadAsync("k", async (_, _) => { await gate.Task; return (1, TimeSpan.FromMinutes(1)); }, CancellationToken.None);

        cache.Invalidate(key => key == "k");
        gate.SetResult();
        Assert.Equal(1, await stale);
        var fresh = await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult((2, TimeSpan.FromMinutes(1))), CancellationToken.None);

        Assert.Equal(2, fresh);
    }

    [Fact]
    public async Task Entries_expire_after_their_own_lifetime()
    {
        var time = new ManualTime();
        var cache = new ExpiringCache<string, int>(time);
        await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult((1, TimeSpan.FromSeconds(10))), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(11));
        var value = await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult((2, TimeSpan.FromSeconds(10))), CancellationToken.None);

        Assert.Equal(2, value);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
