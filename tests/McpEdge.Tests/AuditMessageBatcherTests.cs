using Platform.Contracts;
using Platform.McpEdge.Audit;

namespace Platform.McpEdge.Tests;

public sealed class AuditMessageBatcherTests
{
    [Fact]
    public void Calls_are_cut_into_messages_of_at_most_the_count_limit_in_order()
    {
        var calls = Enumerable.Range(0, 250).Select(i => Call(i)).ToList();

        var messages = AuditMessageBatcher.Split(calls, maxCalls: 100);

        Assert.Equal([100, 100, 50], messages.Select(m => m.Length));
        Assert.Equal(calls.Select(c => c.DurationMs), messages.SelectMany(m => m).Select(c => c.DurationMs));
    }

    [Fact]
    public void A_round_with_few_calls_is_published_as_it_is_without_waiting_to_fill_a_message()
    {
        Assert.Equal([1], AuditMessageBatcher.Split([Call(0)], maxCalls: 100).Select(m => m.Length));
        Assert.Equal([7], AuditMessageBatcher.Split([.. Enumerable.Range(0, 7).Select(i => Call(i))], maxCalls: 100).Select(m => m.Length));
        Assert.Empty(AuditMessageBatcher.Split([], maxCalls: 100));
    }

    [Fact]
    public void One_call_per_message_is_allowed()
    {
        var messages = AuditMessageBatcher.Split([Call(0), Call(1), Call(2)], maxCalls: 1);

        Assert.Equal([[0L], [1L], [2L]], messages.Select(m => m.Select(c => c.DurationMs).ToArray()));
    }

    [Fact]
    public void A_message_closes_before_its_redacted_arguments_would_exceed_the_size_limit()
    {
        // 40 characters each: 10 fit in 400, the 11th starts a new message, long before the count limit.
        var calls = Enumerable.Range(0, 25).Select(i => Call(i, arguments: 40)).ToList();

        var messages = AuditMessageBatcher.Split(calls, maxCalls: 100, maxArgumentChars: 400);

        Assert.Equal([10, 10, 5], messages.Select(m => m.Length));
        Assert.All(messages, m => Assert.True(m.Sum(c => c.RedactedArguments.Length) <= 400));
        Assert.Equal(calls.Select(c => c.DurationMs), messages.SelectMany(m => m).Select(c => c.DurationMs));
    }

    [Fact]
    public void A_call_larger_than_the_size_limit_goes_alone_and_the_order_is_kept()
    {
        List<ToolCallCompleted> calls = [Call(0, arguments: 10), Call(1, arguments: 10), Call(2, arguments: 5_000), Call(3, arguments: 10), Call(4, arguments: 10)];

        var messages = AuditMessageBatcher.Split(calls, maxCalls: 100, maxArgumentChars: 1_000);

        Assert.Equal([[0L, 1L], [2L], [3L, 4L]], messages.Select(m => m.Select(c => c.DurationMs).ToArray()));
    }

    [Fact]
    public void The_default_size_limit_is_about_256_KiB_of_arguments()
    {
        // Three calls of 100 KiB: two fit under 256 KiB, the third does not.
        var calls = Enumerable.Range(0, 3).Select(i => Call(i, arguments: 100 * 1024)).ToList();

        var messages = AuditMessageBatcher.Split(calls, maxCalls: 100);

        Assert.Equal(256 * 1024, AuditMessageBatcher.MaxArgumentCharsPerMessage);
        Assert.Equal([2, 1], messages.Select(m => m.Length));
    }

    [Fact]
    public void Both_limits_apply_together()
    {
        var calls = Enumerable.Range(0, 12).Select(i => Call(i, arguments: i == 5 ? 985 : 10)).ToList();

        var messages = AuditMessageBatcher.Split(calls, maxCalls: 4, maxArgumentChars: 1_000);

        // [0..3] by count; [4, 5] then 6 would pass 1,000 characters; [6..9] by count; [10, 11] the rest.
        Assert.Equal([[0L, 1L, 2L, 3L], [4L, 5L], [6L, 7L, 8L, 9L], [10L, 11L]], messages.Select(m => m.Select(c => c.DurationMs).ToArray()));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    public void Limits_below_one_are_refused(int maxCalls, int maxArgumentChars) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditMessageBatcher.Split([Call(0)], maxCalls, maxArgumentChars));

    /// <summary>A call whose duration is its position, with <paramref name="arguments"/> characters of arguments.</summary>
    private static ToolCallCompleted Call(long marker, int arguments = 2) => new(
        Guid.CreateVersion7(), DateTime.UtcNow, "t", "a", "s", Guid.NewGuid(), "x__y", "y", DateTime.UtcNow, marker, "success", null,
        arguments <= 2 ? "{}"[..arguments] : "\"" + new string('a', arguments - 2) + "\"", 2, 3, null);
}
