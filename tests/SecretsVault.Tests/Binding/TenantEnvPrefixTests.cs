using Platform.SecretsVault.Binding;

namespace Platform.SecretsVault.Tests.Binding;

public sealed class TenantEnvPrefixTests
{
    [Theory]
    [InlineData("acme", "PLATFORM_SECRET_ACME__")]
    [InlineData("acme-prod", "PLATFORM_SECRET_ACME_PROD__")]
    [InlineData("a--b", "PLATFORM_SECRET_A__B__")]
    [InlineData("Team.7", "PLATFORM_SECRET_TEAM_7__")]
    public void The_slug_is_upper_cased_and_everything_outside_A_Z_0_9_becomes_an_underscore(string slug, string expected)
    {
        Assert.Equal(expected, TenantEnvPrefix.For("PLATFORM_SECRET_", slug));
    }
}
