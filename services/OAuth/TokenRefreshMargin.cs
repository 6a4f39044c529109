namespace Platform.OAuth;

/// <summary>
/// When a token should be refreshed: a margin before its expiry of the larger of a minimum (5 minutes by default)
/// and a fraction of its lifetime (10 %), but never more than half the lifetime, so a token shorter-lived than the
/// minimum is still used for a while before it is renewed rather than refreshed again at once.
/// </summary>
public static class TokenRefreshMargin
{
    public static readonly TimeSpan DefaultMinimum = TimeSpan.FromMinutes(5);

    public const double DefaultLifetimeFraction = 0.1;

    public static TimeSpan For(TimeSpan lifetime, TimeSpan minimum, double lifetimeFraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(lifetimeFraction);
        if (lifetime <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var margin = TimeSpan.FromTicks(Math.Max(minimum.Ticks, (long)(lifetime.Ticks * lifetimeFraction)));
        return margin < lifetime / 2 ? margin : lifetime / 2;
    }

    /// <summary>When to refresh a token issued at <paramref name="issuedAt"/>; null for one that never expires.</summary>
    public static DateTimeOffset? RefreshAt(DateTimeOffset issuedAt, DateTimeOffset? expiresAt, TimeSpan minimum, double lifetimeFraction) =>
        expiresAt is { } expiry ? expiry - For(expiry - issuedAt, minimum, lifetimeFraction) : null;
}
