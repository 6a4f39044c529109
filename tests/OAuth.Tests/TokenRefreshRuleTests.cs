namespace Platform.OAuth.Tests;

/// <summary>The refresh margin (larger of a minimum and a share of the lifetime, at most half) and the decision taken under a credential's lock.</summary>
public sealed class TokenRefreshRuleTests
{
    private static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3600, 360)]      // 1 h: 10 % (6 min) beats 5 min
    [InlineData(1800, 300)]      // 30 min: 10 % is 3 min, the minimum wins
    [InlineData(86400, 8640)]    // a day: 10 %
    [InlineData(300, 150)]       // 5 min: never more than half the lifetime
    [InlineData(6, 3)]
    [InlineData(0, 0)]
    public void The_margin_is_the_larger_of_the_minimum_and_a_tenth_but_at_most_half(int lifetimeSeconds, int marginSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(marginSeconds), TokenRefreshMargin.For(TimeSpan.FromSeconds(lifetimeSeconds), Minimum, 0.1));

    [Fact]
    public void A_token_is_refreshed_its_margin_before_it_expires_and_one_without_expiry_never()
    {
        Assert.Equal(Now.AddMinutes(54), TokenRefreshMargin.RefreshAt(Now, Now.AddHours(1), Minimum, 0.1));
        Assert.Null(TokenRefreshMargin.RefreshAt(Now, null, Minimum, 0.1));
    }

    [Fact]
    public void Before_its_refresh_time_the_stored_token_is_used()
    {
        Assert.Equal(TokenRefreshDecision.UseStored, TokenRefreshRule.Decide(Now, Now.AddSeconds(1), Now.AddMinutes(5), rejectedIsStored: false, hasRefreshToken: true));
        Assert.Equal(TokenRefreshDecision.UseStored, TokenRefreshRule.Decide(Now, null, null, rejectedIsStored: false, hasRefreshToken: true));
    }

    [Fact]
    public void At_its_refresh_time_or_when_the_stored_token_was_refused_it_is_refreshed()
    {
        Assert.Equal(TokenRefreshDecision.Refresh, TokenRefreshRule.Decide(Now, Now, Now.AddMinutes(5), rejectedIsStored: false, hasRefreshToken: true));
        Assert.Equal(TokenRefreshDecision.Refresh, TokenRefreshRule.Decide(Now, Now.AddMinutes(50), Now.AddHours(1), rejectedIsStored: true, hasRefreshToken: true));
    }

    [Fact]
    public void The_loser_of_a_race_refused_with_the_old_token_reads_the_new_one()
    {
        // The winner stored a new token (refresh time in the future); the loser's refused token is no longer the stored one.
        Assert.Equal(TokenRefreshDecision.UseStored, TokenRefreshRule.Decide(Now, Now.AddMinutes(54), Now.AddHours(1), rejectedIsStored: false, hasRefreshToken: true));
    }

    [Fact]
    public void Without_a_refresh_token_a_working_token_is_used_to_its_end_and_then_the_person_must_authorize_again()
    {
        Assert.Equal(TokenRefreshDecision.UseStored, TokenRefreshRule.Decide(Now, Now.AddMinutes(-1), Now.AddMinutes(4), rejectedIsStored: false, hasRefreshToken: false));
        Assert.Equal(TokenRefreshDecision.Reauthorize, TokenRefreshRule.Decide(Now, Now.AddMinutes(-6), Now.AddMinutes(-1), rejectedIsStored: false, hasRefreshToken: false));
        Assert.Equal(TokenRefreshDecision.Reauthorize, TokenRefreshRule.Decide(Now, Now.AddMinutes(50), Now.AddHours(1), rejectedIsStored: true, hasRefreshToken: false));
    }
}
