using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Outbound.Tests;

public sealed class OutboundPolicyTests : IAsyncLifetime
{
    private WebApplication? _server;
    private int _port;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/", () => "hello");
        _server.MapGet("/redirect", () => Results.Redirect("http://127.0.0.1/elsewhere"));
        await _server.StartAsync();
        _port = new Uri(_server.Urls.Single()).Port;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static OutboundPolicy Policy(string[]? hosts = null, string[]? networks = null, Dictionary<string, string[]>? dns = null) =>
        new(new OutboundPolicyOptions { AllowedHosts = [.. hosts ?? []], AllowedNetworks = [.. networks ?? []] },
            NullLogger.Instance,
            (host, ct) => dns is not null && dns.TryGetValue(host, out var a)
                ? Task.FromResult(a.Select(IPAddress.Parse).ToArray())
                : Dns.GetHostAddressesAsync(host, ct));

    private static async Task<HttpResponseMessage> GetAsync(OutboundPolicy policy, string url)
    {
        using var client = new HttpClient(policy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetAsync(url);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/")]
    [InlineData("http://localhost:{0}/")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/")]
    public async Task Loopback_is_refused_without_an_allow_list(string template)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(Policy(), string.Format(template, _port)));
        var refused = Assert.IsType<OutboundRefusedException>(error.InnerException);
        Assert.DoesNotContain("127.0.0.1", refused.Message);
        Assert.DoesNotContain(_port.ToString(), refused.Message);
    }

    public static TheoryData<string> ReservedTargets =>
    [
        "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.10", "169.254.169.254", "100.64.1.1", "0.0.0.0", "224.0.0.1",
        "::1", "fe80::1", "fd00::5", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
    ];

    [Theory]
    [MemberData(nameof(ReservedTargets))]
    public async Task A_name_resolving_into_a_reserved_range_is_refused(string address)
    {
        var policy = Policy(dns: new() { ["upstream.example.com"] = [address] });
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(policy, $"http://upstream.example.com:{_port}/"));
        Assert.IsType<OutboundRefusedException>(error.InnerException);
    }

    [Theory]
    [MemberData(nameof(ReservedTargets))]
    public async Task A_literal_reserved_address_is_refused(string address)
    {
        var host = IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(Policy(), $"http://{host}:{_port}/"));
        Assert.IsType<OutboundRefusedException>(error.InnerException);
        Assert.NotNull(Policy().RefuseLiteral(new Uri($"http://{host}:{_port}/")));
    }

    [Fact]
    public async Task A_name_with_one_public_and_one_private_address_connects_only_to_allowed_ones()
    {
        // DNS answers both; the private one is never tried, the allowed loopback (via the network list) is.
        var policy = Policy(networks: ["127.0.0.0/8"], dns: new() { ["mixed.example.com"] = ["10.0.0.1", "127.0.0.1"] });
        using var response = await GetAsync(policy, $"http://mixed.example.com:{_port}/");
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_network_allow_list_lets_exactly_its_networks_through()
    {
        var policy = Policy(networks: ["127.0.0.0/8"]);
        using var response = await GetAsync(policy, $"http://127.0.0.1:{_port}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var elsewhere = Policy(networks: ["127.0.0.0/8"], dns: new() { ["intranet.example.com"] = ["192.168.1.1"] });
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(elsewhere, $"http://intranet.example.com:{_port}/"));
        Assert.IsType<OutboundRefusedException>(error.InnerException);
    }

    [Fact]
    public async Task The_host_allow_list_lets_exactly_its_hosts_through()
    {
        var policy = Policy(hosts: ["localhost"]);
        using var response = await GetAsync(policy, $"http://localhost:{_port}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same server by address is not on the list.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(policy, $"http://127.0.0.1:{_port}/"));
        Assert.IsType<OutboundRefusedException>(error.InnerException);
        Assert.Null(policy.RefuseLiteral(new Uri($"http://localhost:{_port}/")));
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        using var response = await GetAsync(Policy(networks: ["127.0.0.0/8"]), $"http://127.0.0.1:{_port}/redirect");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost/mcp")]
    [InlineData("http://tickets/mcp")]
    [InlineData("http://vault.internal/x")]
    [InlineData("http://printer.local/")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://10.0.0.8/")]
    public void Saving_a_local_url_is_refused(string url) => Assert.NotNull(Policy().RefuseLiteral(new Uri(url)));

    [Theory]
    [InlineData("https://tickets.example.com/mcp")]
    [InlineData("https://93.184.216.34/mcp")]
    public void Saving_a_public_url_is_allowed(string url) => Assert.Null(Policy().RefuseLiteral(new Uri(url)));

    [Fact]
    public void A_malformed_network_is_a_configuration_error() =>
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Policy(networks: ["not-a-network"]));
}
