using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Platform.Tests.Discovery;

public sealed class ServiceEndpointResolverTests
{
    [Fact]
    public void Replicas_are_taken_in_turn_and_the_path_is_kept()
    {
        var resolver = Resolver(("services:edge:http:0", "http://127.0.0.1:5000"), ("services:edge:http:1", "http://127.0.0.1:5001"));

        var resolved = Enumerable.Range(0, 4).Select(_ => resolver.Resolve(new Uri("http://edge/mcp/about?x=1")).ToString()).ToList();

        Assert.Equal(
            ["http://127.0.0.1:5000/mcp/about?x=1", "http://127.0.0.1:5001/mcp/about?x=1", "http://127.0.0.1:5000/mcp/about?x=1", "http://127.0.0.1:5001/mcp/about?x=1"],
            resolved);
    }

    [Fact]
    public void Replicas_are_ordered_by_index_not_by_configuration_order()
    {
        var resolver = Resolver(("services:edge:http:1", "http://127.0.0.1:5001"), ("services:edge:http:0", "http://127.0.0.1:5000"));

        Assert.Equal(["http://127.0.0.1:5000/", "http://127.0.0.1:5001/"], resolver.GetEndpoints("edge").Select(u => u.ToString()));
    }

    [Fact]
    public void An_unknown_service_name_is_an_error_that_names_the_missing_setting()
    {
        var resolver = Resolver(("services:edge:http:0", "http://127.0.0.1:5000"));

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("http://integration-registry/api")));

        Assert.Contains("integration-registry", error.Message);
        Assert.Contains("services__integration-registry__http__0", error.Message);
    }

    [Fact]
    public void Https_plus_http_prefers_https_and_falls_back_to_http()
    {
        var resolver = Resolver(
            ("services:both:https:0", "https://127.0.0.1:7000"),
            ("services:both:http:0", "http://127.0.0.1:5000"),
            ("services:plain:http:0", "http://127.0.0.1:5002"));

        Assert.Equal("https://127.0.0.1:7000/x", resolver.Resolve(new Uri("https+http://both/x")).ToString());
        Assert.Equal("http://127.0.0.1:5002/x", resolver.Resolve(new Uri("https+http://plain/x")).ToString());
        Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("https+http://nowhere/x")));
    }

    [Theory]
    [InlineData("http://example.com/x")]
    [InlineData("http://localhost:5000/x")]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("http://edge:8080/x")]
    public void Addresses_that_name_no_service_are_left_alone(string address)
    {
        var resolver = Resolver(("services:other:http:0", "http://127.0.0.1:5000"));

        Assert.Equal(new Uri(address), resolver.Resolve(new Uri(address)));
    }

    [Fact]
    public void A_configured_endpoint_that_is_not_an_http_url_is_refused()
    {
        var resolver = Resolver(("services:edge:http:0", "tcp://127.0.0.1:5000"));

        Assert.Throws<InvalidOperationException>(() => resolver.Resolve(new Uri("http://edge/")));
    }

    internal static ServiceEndpointResolver Resolver(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
}
