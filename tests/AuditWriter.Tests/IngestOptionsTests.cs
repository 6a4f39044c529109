using Microsoft.Extensions.Configuration;
using Platform.AuditWriter.Ingest;

namespace Platform.AuditWriter.Tests;

public sealed class IngestOptionsTests
{
    [Fact]
    public void Tool_call_messages_carry_many_calls_so_few_are_prefetched_and_a_full_prefetch_fits_a_few_batches()
    {
        var options = new ConfigurationBuilder().Build().ReadIngestOptions(IngestExtensions.ToolCallsStream);

        Assert.Equal((500, 4, 50), (options.MaxBatchSize, options.Writers, options.PrefetchCount));
        Assert.True(options.IsValid());
        // 50 messages of up to 100 calls: at most ten batches, a few per writer.
        Assert.InRange(options.PrefetchCount * 100 / options.MaxBatchSize, options.Writers, 4 * options.Writers);
    }

    [Fact]
    public void The_ledger_keeps_one_record_per_message_and_one_writer()
    {
        var options = new ConfigurationBuilder().Build().ReadIngestOptions(IngestExtensions.ModelCallsStream);

        Assert.Equal((250, 1, 2000), (options.MaxBatchSize, options.Writers, options.PrefetchCount));
        Assert.True(options.IsValid());
    }

    [Fact]
    public void Configuration_overrides_the_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ingest:ToolCalls:PrefetchCount"] = "200" })
            .Build();

        Assert.Equal(200, configuration.ReadIngestOptions(IngestExtensions.ToolCallsStream).PrefetchCount);
    }

    [Theory]
    [InlineData(0, 4, 50)]
    [InlineData(500, 0, 50)]
    [InlineData(500, 4, 0)]
    [InlineData(500, 4, 100_001)]
    public void Sizes_outside_their_ranges_are_invalid(int maxBatchSize, int writers, int prefetch) =>
        Assert.False(new IngestOptions { MaxBatchSize = maxBatchSize, Writers = writers, PrefetchCount = prefetch }.IsValid());
}
