using Microsoft.Extensions.Options;

namespace Platform.AuditWriter.ToolCalls;

/// <summary>Tool calls parked since start, and when the last one was: what the health check reports.</summary>
public sealed class ParkedAlarm(TimeProvider timeProvider, IOptions<ParkedAlarmOptions> options)
{
    private long _total;
    private long _lastTicks;

    public long Total => Interlocked.Read(ref _total);

    public DateTimeOffset? Last => Interlocked.Read(ref _lastTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>True while the last parking is more recent than the configured window.</summary>
    public bool IsRaised => Last is { } last && timeProvider.GetUtcNow() - last < options.Value.Window;

    public void Raise(int count)
    {
        Interlocked.Add(ref _total, count);
        Interlocked.Exchange(ref _lastTicks, timeProvider.GetUtcNow().UtcTicks);
    }
}
