using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Tests;

public sealed class PrintableNameTests
{
    [Theory]
    [InlineData("ci deploy key")]
    [InlineData("${jndi:ldap://example.test/a}")]
    [InlineData("ünïcødé 名前 😀")]
    [InlineData(null)]
    public void Printable_names_up_to_100_characters_are_accepted(string? name)
    {
        Assert.False(RequestValidators.Validate(new IssueTokenRequest(name, null), DateTimeOffset.UtcNow).HasErrors);
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("a\nb")]
    [InlineData("nul\0")]
    [InlineData("bidi\u202Eoverride")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("   ")]
    public void Control_format_and_blank_names_are_refused(string name)
    {
        Assert.Contains("name", RequestValidators.Validate(new IssueTokenRequest(name, null), DateTimeOffset.UtcNow).ToDictionary().Keys);
        Assert.Contains("name", RequestValidators.Validate(new IdentityRequest(name, null, null)).ToDictionary().Keys);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built at run time: a lone surrogate does not survive in attribute metadata.
        var name = "lone " + (char)0xD800 + " surrogate";

        Assert.Contains("name", RequestValidators.Validate(new IdentityRequest(name, null, null)).ToDictionary().Keys);
    }

    [Fact]
    public void Names_are_at_most_100_characters()
    {
        Assert.False(RequestValidators.Validate(new IdentityRequest(new string('n', 100), null, null)).HasErrors);
        Assert.Contains("name", RequestValidators.Validate(new IdentityRequest(new string('n', 101), null, null)).ToDictionary().Keys);
    }
}
