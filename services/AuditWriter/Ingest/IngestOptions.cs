namespace Platform.AuditWriter.Ingest;

/// <summary>
/// How one stream is taken off the bus and written (named options <c>Ingest:ToolCalls</c>, <c>Ingest:ModelCalls</c>;
/// each stream's defaults are set by <c>IngestExtensions.ApplyDefaults</c>). A batch is written when it holds
/// <see cref="MaxBatchSize"/> records or <see cref="MaxBatchDelay"/> after its first.
/// </summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Records (rows) per database batch.</summary>
    public int MaxBatchSize { get; set; } = 250;

    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Batches written at the same time (each on its own connection).</summary>
    public int Writers { get; set; } = 4;

    /// <summary>
    /// Unacknowledged messages RabbitMQ hands over at once (and consumed concurrently); each waits until all its
    /// records are written. Messages, not records: a tool-call message carries many calls, a ledger message one.
    /// </summary>
    public int PrefetchCount { get; set; } = 2000;

    public bool IsValid() =>
        MaxBatchSize is > 0 and <= 10_000 && MaxBatchDelay > TimeSpan.Zero && MaxBatchDelay <= TimeSpan.FromSeconds(10)
        && Writers is > 0 and <= 16 && PrefetchCount is > 0 and <= 100_000;
}
