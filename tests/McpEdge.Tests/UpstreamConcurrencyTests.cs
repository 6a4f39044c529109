using Microsoft.Extensions.Options;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tests;

public sealed class UpstreamConcurrencyTests
{
    [Fact]
    public async Task Calls_beyond_the_bound_wait_for_a_slot_of_their_own_upstream_only()
    {
        var concurrency = new UpstreamConcurrency(Options.Create(new McpEdgeOptions { MaxConcurrentCallsPerUpstream = 2 }));
        var busy = Guid.NewGuid();

        var first = await concurrency.EnterAsync(busy, CancellationToken.None);
        using var second = await concurrency.EnterAsync(busy, CancellationToken.None);
        var third = concurrency.EnterAsync(busy, CancellationToken.None);
        using var elsewhere = await concurrency.EnterAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.False(third.IsCompleted);
        first.Dispose();
        first.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(5));
        var fourth = concurrency.EnterAsync(busy, CancellationToken.None);
        Assert.False(fourth.IsCompleted, "disposing a slot twice must not free two");
    }

    [Fact]
    public async Task A_wait_ends_with_its_token()
    {
        var concurrency = new UpstreamConcurrency(Options.Create(new McpEdgeOptions { MaxConcurrentCallsPerUpstream = 1 }));
        var source = Guid.NewGuid();
        using var held = await concurrency.EnterAsync(source, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => concurrency.EnterAsync(source, timeout.Token));
    }
}
