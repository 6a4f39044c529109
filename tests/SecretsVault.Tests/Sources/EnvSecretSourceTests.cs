using Platform.SecretsVault.Options;
using Platform.SecretsVault.Sources;

namespace Platform.SecretsVault.Tests.Sources;

public sealed class EnvSecretSourceTests
{
    private readonly Dictionary<string, string> _environment = new()
    {
        ["PLATFORM_SECRET_SLACK_TOKEN"] = "xoxb-env-value",
        ["ConnectionStrings__vaultdb"] = "Host=localhost;Password=platform-password",
        ["Vault__MasterKeys__1"] = "master-key-value-that-must-stay-inside",
    };

    private EnvSecretSource Source(string prefix = EnvSecretOptions.DefaultPrefix) =>
        new(Microsoft.Extensions.Options.Options.Create(new EnvSecretOptions { Prefix = prefix }), name => _environment.GetValueOrDefault(name));

    [Fact]
    public void A_name_with_the_prefix_is_accepted_and_resolves()
    {
        var source = Source();

        Assert.Null(source.Refuse("PLATFORM_SECRET_SLACK_TOKEN"));
        Assert.Equal("xoxb-env-value", source.Read("PLATFORM_SECRET_SLACK_TOKEN"));
    }

    [Theory]
    [InlineData("ConnectionStrings__vaultdb")]
    [InlineData("Vault__MasterKeys__1")]
    [InlineData("ServiceAuth__Key")]
    [InlineData("PATH")]
    [InlineData("platform_secret_SLACK_TOKEN")]
    [InlineData("PLATFORM_SECRET_")]
    [InlineData("PLATFORM_SECRET_BAD-NAME")]
    [InlineData("PLATFORM_SECRET_WITH SPACE")]
    [InlineData(" PLATFORM_SECRET_LEADING_SPACE")]
    [InlineData("")]
    public void Anything_else_is_refused_without_repeating_the_name(string name)
    {
        var refusal = Source().Refuse(name);

        Assert.NotNull(refusal);
        // The prefix itself is named in the rule; any other name must not be echoed.
        if (name.Length > 0 && name != EnvSecretOptions.DefaultPrefix)
        {
            Assert.DoesNotContain(name, refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_platforms_own_variables_never_resolve_even_if_stored()
    {
        var source = Source();

        Assert.Null(source.Read("ConnectionStrings__vaultdb"));
        Assert.Null(source.Read("Vault__MasterKeys__1"));
    }

    [Fact]
    public void A_narrowed_prefix_stops_resolving_references_created_under_the_old_one()
    {
        var narrowed = Source("PLATFORM_SECRET_TEAM_A_");

        Assert.NotNull(narrowed.Refuse("PLATFORM_SECRET_SLACK_TOKEN"));
        Assert.Null(narrowed.Read("PLATFORM_SECRET_SLACK_TOKEN"));
    }

    [Fact]
    public void An_unset_variable_resolves_to_nothing()
    {
        Assert.Null(Source().Read("PLATFORM_SECRET_NOT_SET"));
    }
}
