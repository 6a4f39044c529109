namespace Platform.OAuth;

/// <summary>What a caller holding a credential's refresh lock does with it.</summary>
public enum TokenRefreshDecision
{
    /// <summary>The stored token is good: answer it (someone else may just have refreshed it).</summary>
    UseStored,

    /// <summary>Exchange the refresh token now.</summary>
    Refresh,

    /// <summary>Renewal is needed but impossible (no refresh token): the person must authorize again.</summary>
    Reauthorize,
}

/// <summary>The rule applied under the lock, so the loser of a race reads the winner's token instead of refreshing again.</summary>
public static class TokenRefreshRule
{
    /// <summary>
    /// Refresh when the refresh time has come, or when the caller was refused with the very token still stored
    /// (<paramref name="rejectedIsStored"/>); a caller refused with an older token gets the newer one instead.
    /// </summary>
    public static TokenRefreshDecision Decide(DateTimeOffset now, DateTimeOffset? refreshAt, DateTimeOffset? expiresAt, bool rejectedIsStored, bool hasRefreshToken)
    {
        var due = rejectedIsStored || (refreshAt is { } at && at <= now);
        if (!due)
        {
            return TokenRefreshDecision.UseStored;
        }
        if (hasRefreshToken)
        {
            return TokenRefreshDecision.Refresh;
        }
        // Without a refresh token a token that still works is used to its end; one refused or expired cannot be renewed.
        return rejectedIsStored || (expiresAt is { } expiry && expiry <= now) ? TokenRefreshDecision.Reauthorize : TokenRefreshDecision.UseStored;
    }
}
