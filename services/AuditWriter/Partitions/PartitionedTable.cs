namespace Platform.AuditWriter.Partitions;

/// <summary>A table partitioned by month on <c>occurred_at</c>, and which retention setting applies to it.</summary>
public sealed record PartitionedTable(string Name, Func<RetentionOptions, TimeSpan> KeepFor)
{
    public static readonly PartitionedTable ToolCalls = new("audit.tool_calls", options => options.ToolCalls);

    public static readonly PartitionedTable ModelCalls = new("usage.model_calls", options => options.ModelCalls);

    public static readonly IReadOnlyList<PartitionedTable> All = [ToolCalls, ModelCalls];

    /// <summary>The first instant of the UTC month that contains <paramref name="instant"/>.</summary>
    public static DateTime MonthOf(DateTime instant) => new(instant.Year, instant.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
