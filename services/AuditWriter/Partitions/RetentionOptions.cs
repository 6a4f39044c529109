namespace Platform.AuditWriter.Partitions;

/// <summary>How long records are kept and how far ahead monthly partitions are made (section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Tool calls older than this are dropped, a whole month at a time, once the month is entirely older.</summary>
    public TimeSpan ToolCalls { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The usage ledger is kept longer: it backs invoices.</summary>
    public TimeSpan ModelCalls { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Partitions made in advance beyond the current month.</summary>
    public int MonthsAhead { get; set; } = 2;

    /// <summary>How often the maintenance pass (create ahead, drop expired) runs; it also runs at start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid() =>
        ToolCalls >= TimeSpan.FromDays(1) && ModelCalls >= TimeSpan.FromDays(1)
        && MonthsAhead is >= 1 and <= 24 && Interval >= TimeSpan.FromSeconds(1);
}
