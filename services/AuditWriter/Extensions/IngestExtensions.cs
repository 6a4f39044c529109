using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.ModelCalls;
using Platform.AuditWriter.Partitions;
using Platform.AuditWriter.ToolCalls;

namespace Platform.AuditWriter;

/// <summary>The two write paths (tool-call audit, model-usage ledger) and the partition maintenance behind them.</summary>
public static class IngestExtensions
{
    public const string ToolCallsStream = "ToolCalls";
    public const string ModelCallsStream = "ModelCalls";

    /// <summary>
    /// Registers the batch writers as hosted services. Call before <c>AddEventBus</c>: hosted services stop in
    /// reverse order, so the bus stops (and waits for its consumers) while the writers still run.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(options => options.IsValid(), "Retention: ToolCalls and ModelCalls must be at least a day, MonthsAhead 1..24, Interval at least a second.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PartitionMaintenance>();
        builder.Services.AddHostedService<PartitionMaintenanceService>();

        AddStream<ToolCallRecord, ToolCallStore>(builder.Services, ToolCallsStream);
        builder.Services.AddSingleton<ToolCallRecordFactory>();
        builder.Services.AddSingleton<ToolCallBatchIngest>();
        builder.Services.AddSingleton<ToolCallIngestMetrics>();
        builder.Services.AddOptions<ParkedAlarmOptions>()
            .BindConfiguration(ParkedAlarmOptions.SectionName)
            .Validate(options => options.IsValid(), "ParkedAlarm:Window must be from 1 second to 7 days.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ParkedAlarm>();
        builder.Services.AddHealthChecks().AddCheck<ParkedCallsHealthCheck>("parked-tool-calls", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        AddStream<ModelCallRecord, ModelCallStore>(builder.Services, ModelCallsStream);
        builder.Services.AddSingleton<ModelCallRecordFactory>();
        return builder;
    }

    /// <summary>The settings of a stream as configured now, for the bus endpoint (prefetch, concurrency).</summary>
    public static IngestOptions ReadIngestOptions(this IConfiguration configuration, string stream)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new IngestOptions();
        ApplyDefaults(options, stream);
        configuration.GetSection($"{IngestOptions.SectionName}:{stream}").Bind(options);
        return options;
    }

    /// <summary>
    /// Each stream's defaults, before configuration is bound. Tool calls arrive up to 100 to a message, so 50
    /// prefetched messages hold up to 5,000 calls: ten batches of 500, a few for each of the 4 writers. The ledger
    /// gets one record per message, and one writer: its id check across months must not race with itself.
    /// </summary>
    public static void ApplyDefaults(IngestOptions options, string stream)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (stream == ToolCallsStream)
        {
            options.MaxBatchSize = 500;
            options.Writers = 4;
            options.PrefetchCount = 50;
        }
        else
        {
            options.MaxBatchSize = 250;
            options.Writers = 1;
            options.PrefetchCount = 2000;
        }
    }

    private static void AddStream<TRecord, TStore>(IServiceCollection services, string stream)
        where TStore : class, IBatchStore<TRecord>
    {
        services.AddOptions<IngestOptions>(stream)
            .Configure(options => ApplyDefaults(options, stream))
            .BindConfiguration($"{IngestOptions.SectionName}:{stream}")
            .Validate(options => options.IsValid(), $"{IngestOptions.SectionName}:{stream}: MaxBatchSize 1..10000, MaxBatchDelay up to 10 s, Writers 1..16, PrefetchCount 1..100000.")
            .ValidateOnStart();
        services.AddSingleton<IBatchStore<TRecord>, TStore>();
        services.AddSingleton(provider => new BatchWriter<TRecord>(
            stream,
            provider.GetRequiredService<IBatchStore<TRecord>>(),
            provider.GetRequiredService<IOptionsMonitor<IngestOptions>>(),
            provider.GetRequiredService<ILogger<BatchWriter<TRecord>>>()));
        services.AddHostedService(provider => provider.GetRequiredService<BatchWriter<TRecord>>());
    }
}
