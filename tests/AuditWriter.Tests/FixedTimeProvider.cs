namespace Platform.AuditWriter.Tests;

/// <summary>A clock fixed at a chosen instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
