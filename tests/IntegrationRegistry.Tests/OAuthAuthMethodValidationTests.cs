using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Model;
using Platform.IntegrationRegistry.Validation;
using Platform.Outbound;

namespace Platform.IntegrationRegistry.Tests;

/// <summary>The OAuth fields of auth methods: which kind takes which, the token endpoint auth methods, and endpoints the broker may call.</summary>
public sealed class OAuthAuthMethodValidationTests
{
    private static readonly OutboundPolicy NoAllowList =
        new(Options.Create(new OutboundPolicyOptions()), NullLogger<OutboundPolicy>.Instance);

    private static AuthMethodRequest OAuth(
        string kind = "oauth", string? clientId = null, string? secret = null, string? authMethod = null,
        string? authorize = null, string? token = null, bool? resourceOnRefresh = null) =>
        new(Guid.NewGuid(), "m", kind, null, ["tools:read"], authorize, token, clientId, secret, authMethod, resourceOnRefresh);

    private static IDictionary<string, string[]> Errors(AuthMethodRequest request) =>
        RequestValidators.Validate(request, creating: true, NoAllowList).ToDictionary();

    [Fact]
    public void An_oauth_method_without_a_client_is_valid_and_stores_no_auth_method()
    {
        var request = OAuth();

        Assert.Empty(Errors(request));
        Assert.Null(request.EffectiveTokenEndpointAuthMethod(hasSecret: false));
        Assert.False(RequestValidators.NeedsClientSecret(request, hasSecret: false));
    }

    [Theory]
    [InlineData("client_secret_basic")]
    [InlineData("client_secret_post")]
    public void A_pre_registered_client_authenticating_with_a_secret_needs_one(string authMethod)
    {
        var request = OAuth(clientId: "platform", authMethod: authMethod);

        Assert.Empty(Errors(request));
        Assert.True(RequestValidators.NeedsClientSecret(request, hasSecret: false));
        Assert.Equal(authMethod, request.EffectiveTokenEndpointAuthMethod(hasSecret: true));
    }

    [Fact]
    public void A_public_pre_registered_client_takes_no_secret()
    {
        Assert.Equal("none", OAuth(clientId: "platform").EffectiveTokenEndpointAuthMethod(hasSecret: false));
        Assert.False(RequestValidators.NeedsClientSecret(OAuth(clientId: "platform", authMethod: "none"), hasSecret: false));
        Assert.Contains("clientSecret", Errors(OAuth(clientId: "platform", authMethod: "none", secret: "s3cret")).Keys);
    }

    [Fact]
    public void Client_fields_without_a_client_id_are_refused_by_name()
    {
        var errors = Errors(OAuth(secret: "s3cret", authMethod: "client_secret_post", token: "https://as.example/token"));

        Assert.Equal(["clientSecret", "tokenEndpoint", "tokenEndpointAuthMethod"], errors.Keys.Order());
        Assert.DoesNotContain("s3cret", string.Join(" ", errors.Values.SelectMany(m => m)), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_token_endpoint_auth_methods_are_refused() =>
        Assert.Contains("tokenEndpointAuthMethod", Errors(OAuth(clientId: "c", secret: "s", authMethod: "private_key_jwt")).Keys);

    [Fact]
    public void Client_credentials_need_a_client_that_authenticates()
    {
        Assert.Contains("clientId", Errors(OAuth(kind: "client-credentials", secret: "s")).Keys);
        Assert.Contains("tokenEndpointAuthMethod", Errors(OAuth(kind: "client-credentials", clientId: "c", authMethod: "none")).Keys);
        Assert.Contains("authorizationEndpoint", Errors(OAuth(kind: "client-credentials", clientId: "c", secret: "s", authorize: "https://as.example/a")).Keys);
        Assert.Contains("resourceOnRefresh", Errors(OAuth(kind: "client-credentials", clientId: "c", secret: "s", resourceOnRefresh: false)).Keys);
        var valid = OAuth(kind: "client-credentials", clientId: "c", token: "https://as.example/token");
        Assert.Empty(Errors(valid));
        Assert.True(RequestValidators.NeedsClientSecret(valid, hasSecret: false));
        Assert.Equal("client_secret_basic", valid.EffectiveTokenEndpointAuthMethod(hasSecret: false));
    }

    [Theory]
    [InlineData("http://10.0.0.5/token")]
    [InlineData("http://169.254.169.254/latest")]
    [InlineData("http://localhost:9000/token")]
    public void Fixed_endpoints_naming_reserved_addresses_are_refused(string url)
    {
        var errors = Errors(OAuth(clientId: "c", secret: "s", authorize: url, token: url));

        Assert.Contains("authorizationEndpoint", errors.Keys);
        Assert.Contains("tokenEndpoint", errors.Keys);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("static")]
    public void Other_kinds_take_no_oauth_field(string kind)
    {
        var request = new AuthMethodRequest(Guid.NewGuid(), "m", kind, kind == "static" ? "X-API-Key" : null, null, null, null, "c", null, "none", false);

        var errors = Errors(request);

        Assert.Equal(["clientId", "resourceOnRefresh", "tokenEndpointAuthMethod"], errors.Keys.Order());
    }
}
