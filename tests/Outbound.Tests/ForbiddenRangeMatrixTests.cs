using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Outbound.Tests;

/// <summary>
/// The outbound matrix at the policy: one address from every reserved range (and every IPv6 form embedding an IPv4
/// one), each as a literal URL and as a public-looking name that resolves to it, is refused before any socket
/// connects; the allow-list lets through exactly the host or network it names. The running edge's share of the
/// matrix is tests/Platform.Tests/Security/OutboundMatrixTests.cs.
/// </summary>
public sealed class ForbiddenRangeMatrixTests
{
    public static TheoryData<string, string> OnePerRange => new()
    {
        { "0.1.2.3", "unspecified" },
        { "10.20.30.40", "private" },
        { "100.100.0.1", "shared (CGNAT)" },
        { "127.0.0.53", "loopback" },
        { "169.254.169.254", "link-local" },
        { "172.20.0.1", "private" },
        { "192.0.0.8", "reserved" },
        { "192.0.2.10", "documentation" },
        { "192.88.99.1", "reserved" },
        { "192.168.10.1", "private" },
        { "198.19.0.1", "benchmarking" },
        { "198.51.100.7", "documentation" },
        { "203.0.113.9", "documentation" },
        { "233.1.1.1", "multicast" },
        { "250.0.0.1", "reserved" },
        { "::", "unspecified" },
        { "::1", "loopback" },
        { "100::1", "discard" },
        { "2001:db8::1", "documentation" },
        { "fd12:3456::1", "unique-local" },
        { "fe80::abcd", "link-local" },
        { "fec0::1", "site-local" },
        { "ff05::2", "multicast" },
        { "::ffff:192.168.0.1", "private" },
        { "::10.0.0.1", "private" },
        { "64:ff9b::7f00:1", "loopback" },
        { "2002:a9fe:a9fe::1", "link-local" },
    };

    private static OutboundPolicy Policy(string[]? hosts = null, string[]? networks = null, string? name = null, string? address = null) =>
        new(new OutboundPolicyOptions { AllowedHosts = [.. hosts ?? []], AllowedNetworks = [.. networks ?? []] },
            NullLogger.Instance,
            (host, _) => Task.FromResult(host == name && address is not null ? new[] { IPAddress.Parse(address) } : throw new SocketException((int)SocketError.HostNotFound)));

    private static async Task<Exception?> ConnectAsync(OutboundPolicy policy, string url)
    {
        using var client = new HttpClient(policy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync(url);
            return null;
        }
        catch (HttpRequestException exception)
        {
            return exception.InnerException;
        }
    }

    private static string Literal(string address) =>
        IPAddress.Parse(address).AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address;

    [Theory]
    [MemberData(nameof(OnePerRange))]
    public async Task Every_range_is_refused_as_a_literal_and_as_a_name(string address, string range)
    {
        Assert.Equal(range, ReservedAddresses.Classify(IPAddress.Parse(address)));

        var literal = await ConnectAsync(Policy(), $"http://{Literal(address)}:8080/mcp");
        var named = await ConnectAsync(Policy(name: "mcp.example.com", address: address), "http://mcp.example.com:8080/mcp");

        Assert.IsType<OutboundRefusedException>(literal);
        Assert.IsType<OutboundRefusedException>(named);
        Assert.NotNull(Policy().RefuseLiteral(new Uri($"http://{Literal(address)}/mcp")));
    }

    [Theory]
    [MemberData(nameof(OnePerRange))]
    public void The_allow_list_lets_exactly_what_it_names_through(string address, string range)
    {
        var ip = IPAddress.Parse(address);
        // An IPv6 form embedding an IPv4 address is judged, and allowed, by the IPv4 address inside.
        var judged = ReservedAddresses.EmbeddedIPv4(ip) ?? ip;
        var byNetwork = Policy(networks: [$"{judged}/{(judged.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32)}"]);
        var byHost = Policy(hosts: ["dev.example.com"]);

        Assert.Null(byNetwork.Refusal("mcp.example.com", ip));
        Assert.Null(byHost.Refusal("dev.example.com", ip));
        Assert.Equal(range, byHost.Refusal("mcp.example.com", ip));
        Assert.Equal("link-local", byNetwork.Refusal("mcp.example.com", IPAddress.Parse("169.254.0.1")));
    }
}
