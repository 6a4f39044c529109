namespace Platform.AuditWriter.ToolCalls;

/// <summary>
/// How long a parked tool call keeps the audit writer's health degraded (section <c>ParkedAlarm</c>). A parked call
/// is missing from the audit until an operator moves it back, so it must be seen; the metric and the error log line
/// stay, the health clears after <see cref="Window"/> without a new one.
/// </summary>
public sealed class ParkedAlarmOptions
{
    public const string SectionName = "ParkedAlarm";

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid() => Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromDays(7);
}
