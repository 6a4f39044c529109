using System.ComponentModel.DataAnnotations;
using Platform.OAuth;

namespace Platform.OAuthBroker.Tokens;

/// <summary>When and how often the broker renews OAuth tokens (section <c>OAuthBroker:Refresh</c>).</summary>
public sealed class TokenRefreshOptions
{
    public const string SectionName = "OAuthBroker:Refresh";

    /// <summary>A token is renewed this long before it expires at the least (see <see cref="TokenRefreshMargin"/>).</summary>
    public TimeSpan MinimumMargin { get; set; } = TokenRefreshMargin.DefaultMinimum;

    /// <summary>... or this share of its lifetime, whichever is longer (never more than half the lifetime).</summary>
    [Range(0.0, 0.5)]
    public double LifetimeFraction { get; set; } = TokenRefreshMargin.DefaultLifetimeFraction;

    /// <summary>How often each replica looks for tokens whose refresh time has come.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many credentials renewed per sweep and replica.</summary>
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 100;

    public DateTimeOffset? RefreshAt(DateTimeOffset issuedAt, DateTimeOffset? expiresAt) =>
        TokenRefreshMargin.RefreshAt(issuedAt, expiresAt, MinimumMargin, LifetimeFraction);
}
