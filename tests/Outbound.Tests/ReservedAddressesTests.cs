using System.Net;

namespace Platform.Outbound.Tests;

public sealed class ReservedAddressesTests
{
    public static TheoryData<string, string> Reserved => new()
    {
        { "127.0.0.1", "loopback" },
        { "127.255.255.254", "loopback" },
        { "10.1.2.3", "private" },
        { "172.16.0.1", "private" },
        { "172.31.255.255", "private" },
        { "192.168.1.1", "private" },
        { "169.254.169.254", "link-local" },
        { "100.64.0.1", "shared (CGNAT)" },
        { "100.127.255.255", "shared (CGNAT)" },
        { "0.0.0.0", "unspecified" },
        { "224.0.0.1", "multicast" },
        { "239.255.255.250", "multicast" },
        { "255.255.255.255", "reserved" },
        { "::", "unspecified" },
        { "::1", "loopback" },
        { "fe80::1", "link-local" },
        { "fd00::1", "unique-local" },
        { "fc12:3456::1", "unique-local" },
        { "ff02::1", "multicast" },
        { "::ffff:127.0.0.1", "loopback" },
        { "::ffff:10.0.0.1", "private" },
        { "::ffff:169.254.169.254", "link-local" },
        { "::127.0.0.1", "loopback" },
        { "64:ff9b::a9fe:a9fe", "link-local" },
        { "2002:c0a8:0101::1", "private" },
    };

    [Theory]
    [MemberData(nameof(Reserved))]
    public void Reserved_ranges_are_named(string address, string range) =>
        Assert.Equal(range, ReservedAddresses.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_pass(string address) => Assert.Null(ReservedAddresses.Classify(IPAddress.Parse(address)));
}
