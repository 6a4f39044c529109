using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Validation;
using Platform.Outbound;

namespace Platform.IntegrationRegistry.Tests;

public sealed class RequestValidatorsTests
{
    private static readonly OutboundPolicy NoAllowList = Policy();

    private static OutboundPolicy Policy(string[]? hosts = null, string[]? networks = null) =>
        new(Options.Create(new OutboundPolicyOptions { AllowedHosts = [.. hosts ?? []], AllowedNetworks = [.. networks ?? []] }), NullLogger<OutboundPolicy>.Instance);

    [Theory]
    [InlineData("https://mcp.example.com/mcp", true)]
    [InlineData("http://mcp.example.com:8080/", true)]
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
        var errors = RequestValidators.Validate(new DefinitionRequest("name", "mcp", url, null), NoAllowList);

        Assert.Equal(!valid, errors.ToDictionary().ContainsKey("baseUrl"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/mcp")]
    [InlineData("http://localhost:8080/mcp")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.1.2.3/mcp")]
    [InlineData("http://192.168.1.1/mcp")]
    [InlineData("http://100.64.0.1/mcp")]
    [InlineData("http://[::1]/mcp")]
    [InlineData("http://[fd00::1]/mcp")]
    [InlineData("http://[::ffff:10.0.0.1]/mcp")]
    [InlineData("http://0.0.0.0/mcp")]
    [InlineData("http://intranet/mcp")]
    public void Urls_naming_reserved_addresses_are_refused_when_saved(string url)
    {
        var definition = RequestValidators.Validate(new DefinitionRequest("name", "mcp", url, null), NoAllowList).ToDictionary();
        var agent = RequestValidators.Validate(new AgentRequest("agent", "Agent", Guid.NewGuid(), null, url), NoAllowList).ToDictionary();

        Assert.StartsWith("The baseUrl field is not allowed: ", Assert.Single(definition["baseUrl"]), StringComparison.Ordinal);
        Assert.StartsWith("The mcpUrl field is not allowed: ", Assert.Single(agent["mcpUrl"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080/mcp", true)]
    [InlineData("http://127.0.0.1:8080/mcp", true)]
    [InlineData("http://127.0.0.2:8080/mcp", false)]
    [InlineData("http://10.0.0.1/mcp", false)]
    public void The_allow_list_admits_exactly_what_it_names(string url, bool allowed)
    {
        var policy = Policy(hosts: ["localhost", "127.0.0.1"]);

        var errors = RequestValidators.Validate(new DefinitionRequest("name", "mcp", url, null), policy);

        Assert.Equal(allowed, !errors.HasErrors);
    }

    [Fact]
    public void An_allowed_network_admits_its_literal_addresses() =>
        Assert.False(RequestValidators.Validate(new DefinitionRequest("name", "mcp", "http://10.0.0.1/mcp", null), Policy(networks: ["10.0.0.0/8"])).HasErrors);

    [Theory]
    [InlineData("Host")]
    [InlineData("content-length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Connection")]
    [InlineData("Upgrade")]
    [InlineData("Cookie")]
    [InlineData("Proxy-Authorization")]
    [InlineData("X-Forwarded-For")]
    [InlineData("x-forwarded-host")]
    [InlineData("Forwarded")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Keep-Alive")]
    [InlineData("Mcp-Session-Id")]
    public void Static_auth_methods_may_not_name_reserved_headers(string header)
    {
        var errors = RequestValidators.Validate(new AuthMethodRequest(Guid.NewGuid(), "m", "static", header, null, null, null, null, null), creating: true, NoAllowList);

        Assert.Contains(header, Assert.Single(errors.ToDictionary()["headerName"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-API-Key")]
    [InlineData("Api-Key")]
    public void Static_auth_methods_may_name_the_headers_keys_travel_in(string header) =>
        Assert.False(RequestValidators.Validate(new AuthMethodRequest(Guid.NewGuid(), "m", "static", header, null, null, null, null, null), creating: true, NoAllowList).HasErrors);

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
