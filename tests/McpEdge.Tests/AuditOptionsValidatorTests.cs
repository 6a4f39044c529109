using Platform.McpEdge.Audit;

namespace Platform.McpEdge.Tests;

public sealed class AuditOptionsValidatorTests
{
    private readonly AuditOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid_and_publish_100_calls_per_message()
    {
        var defaults = new AuditOptions();

        Assert.True(_validator.Validate(null, defaults).Succeeded);
        Assert.Equal(100, defaults.MaxCallsPerMessage);
        Assert.True(defaults.BatchSize >= defaults.MaxCallsPerMessage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void MaxCallsPerMessage_from_1_to_1000_is_accepted(int calls) =>
        Assert.True(_validator.Validate(null, new AuditOptions { MaxCallsPerMessage = calls, BatchSize = 1000 }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void MaxCallsPerMessage_outside_1_to_1000_is_refused(int calls)
    {
        var result = _validator.Validate(null, new AuditOptions { MaxCallsPerMessage = calls, BatchSize = 10_000 });

        Assert.True(result.Failed);
        Assert.Contains("MaxCallsPerMessage must be between 1 and 1000.", result.Failures!);
    }

    [Fact]
    public void A_round_smaller_than_a_message_is_refused()
    {
        var result = _validator.Validate(null, new AuditOptions { MaxCallsPerMessage = 100, BatchSize = 50 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("BatchSize (records per round) must be at least MaxCallsPerMessage", StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_sizes_and_durations_are_refused()
    {
        var result = _validator.Validate(null, new AuditOptions { QueueCapacity = 0, BatchSize = 0, PublishTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("QueueCapacity must be between 1 and 1000000.", result.Failures!);
        Assert.Contains("BatchSize must be between 1 and 100000.", result.Failures!);
        Assert.Contains("PublishTimeout and RetryInterval must be positive.", result.Failures!);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_publish_delay_outside_0_to_1_second_is_refused(int milliseconds)
    {
        var result = _validator.Validate(null, new AuditOptions { PublishDelay = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.True(result.Failed);
        Assert.Contains("PublishDelay must be between 0 and 1 second.", result.Failures!);
    }

    [Fact]
    public void No_publish_delay_is_accepted() =>
        Assert.True(_validator.Validate(null, new AuditOptions { PublishDelay = TimeSpan.Zero }).Succeeded);
}
