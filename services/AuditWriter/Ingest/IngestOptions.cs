namespace Platform.AuditWriter.Ingest;

/// <summary>
/// How one stream is taken off the bus and written (named options <c>Ingest:ToolCalls</c>, <c>Ingest:ModelCalls</c>).
/// A batch is written when it holds <see cref="MaxBatchSize"/> records or <see cref="MaxBatchDelay"/> after its first.
/// </summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    public int MaxBatchSize { get; set; } = 250;

    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Batches written at the same time (each on its own connection).</summary>
    public int Writers { get; set; } = 4;

    /// <summary>Unacknowledged messages RabbitMQ hands over at once; each waits in a batch until written.</summary>
    public int PrefetchCount { get; set; } = 2000;

    public bool IsValid() =>
        MaxBatchSize is > 0 and <= 10_000 && MaxBatchDelay > TimeSpan.Zero && MaxBatchDelay <= TimeSpan.FromSeconds(10)
        && Writers is > 0 and <= 16 && PrefetchCount >= MaxBatchSize && PrefetchCount <= 100_000;
}
