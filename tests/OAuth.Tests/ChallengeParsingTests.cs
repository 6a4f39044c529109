namespace Platform.OAuth.Tests;

public sealed class ChallengeParsingTests
{
    [Fact]
    public void Quoted_and_token_parameters_are_read()
    {
        var parameters = WwwAuthenticateChallenge.ParseParameters(
            "resource_metadata=\"https://h/.well-known/oauth-protected-resource/mcp\", scope=\"a b\", error=insufficient_scope, realm=\"x\\\"y\"");

        Assert.Equal("https://h/.well-known/oauth-protected-resource/mcp", parameters["resource_metadata"]);
        Assert.Equal("a b", parameters["scope"]);
        Assert.Equal("insufficient_scope", parameters["error"]);
        Assert.Equal("x\"y", parameters["realm"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",,,")]
    [InlineData("novalue")]
    [InlineData("scope=\"unterminated")]
    public void Malformed_parameters_do_not_throw(string text) => WwwAuthenticateChallenge.ParseParameters(text);

    [Theory]
    [InlineData("HTTPS://MCP.Example.com:443/mcp/", "https://mcp.example.com/mcp")]
    [InlineData("https://mcp.example.com/", "https://mcp.example.com")]
    [InlineData("http://127.0.0.1:8080/mcp#frag", "http://127.0.0.1:8080/mcp")]
    public void Canonical_resource_uris(string input, string expected) => Assert.Equal(expected, ResourceUri.Canonical(new Uri(input)));

    [Theory]
    [InlineData("https://mcp.example.com", "https://mcp.example.com/mcp", true)]
    [InlineData("https://mcp.example.com/mcp", "https://mcp.example.com/mcp/", true)]
    [InlineData("https://mcp.example.com/mc", "https://mcp.example.com/mcp", false)]
    [InlineData("https://other.example.com", "https://mcp.example.com/mcp", false)]
    public void Resource_coverage(string resource, string server, bool covers) => Assert.Equal(covers, ResourceUri.Covers(resource, new Uri(server)));

    [Fact]
    public void Scope_union_keeps_order_and_drops_duplicates() => Assert.Equal("a b c", ScopeSelection.Union("a b", "b c"));
}
