using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Validation;

namespace Platform.IntegrationRegistry.Tests;

public sealed class RequestValidatorsTests
{
    [Theory]
    [InlineData("https://mcp.example.com/mcp", true)]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("HTTPS://MCP.EXAMPLE.COM", true)]
    [InlineData("/relative/path", false)]
    [InlineData("mcp.example.com", false)]
    [InlineData("ftp://example.com/file", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://user:secret@example.com", false)]
    [InlineData("https://", false)]
    public void Urls_must_be_absolute_http_or_https(string url, bool valid)
    {
        var errors = RequestValidators.Validate(new DefinitionRequest("name", "mcp", url, null));

        Assert.Equal(!valid, errors.ToDictionary().ContainsKey("baseUrl"));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("sentry-prod-2", true)]
    [InlineData("0123456789012345678901234567890123456789", true)]
    [InlineData("01234567890123456789012345678901234567890", false)]
    [InlineData("", false)]
    [InlineData("Sentry", false)]
    [InlineData("sentry_prod", false)]
    [InlineData("sentry prod", false)]
    [InlineData("sentry\n", false)]
    public void Install_slugs_are_1_to_40_of_lowercase_digits_and_dashes(string slug, bool valid)
    {
        var errors = RequestValidators.Validate(new InstallRequest(slug, null, null, Guid.NewGuid(), null, null, null));

        Assert.Equal(!valid, errors.ToDictionary().ContainsKey("slug"));
    }

    [Fact]
    public void A_secret_needs_exactly_one_form()
    {
        var both = new Dictionary<string, SecretInput> { ["api-key"] = new("material", "PLATFORM_SECRET_X", null) };
        var none = new Dictionary<string, SecretInput> { ["api-key"] = new(null, null, null) };

        Assert.True(RequestValidators.Validate(new CredentialRequest(Guid.NewGuid(), Guid.NewGuid(), both, null, null), DateTimeOffset.UtcNow)
            .ToDictionary().ContainsKey("secrets.api-key"));
        Assert.True(RequestValidators.Validate(new CredentialRequest(Guid.NewGuid(), Guid.NewGuid(), none, null, null), DateTimeOffset.UtcNow)
            .ToDictionary().ContainsKey("secrets.api-key"));
    }

    [Fact]
    public void Requests_holding_material_never_print_it()
    {
        var request = new CredentialRequest(Guid.NewGuid(), Guid.NewGuid(),
            new Dictionary<string, SecretInput> { ["api-key"] = new("do-not-print", null, null) }, null, null);
        var method = new AuthMethodRequest(Guid.NewGuid(), "m", "client-credentials", null, null, null, "https://t", "c", "do-not-print");

        Assert.DoesNotContain("do-not-print", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print", method.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print", new SecretInput("do-not-print", null, null).ToString(), StringComparison.Ordinal);
    }
}
