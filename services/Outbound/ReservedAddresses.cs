using System.Net;
using System.Net.Sockets;

namespace Platform.Outbound;

/// <summary>
/// The address ranges no tenant-supplied URL may reach: loopback, link-local, private (RFC 1918), CGNAT, multicast,
/// unspecified, reserved and documentation ranges, IPv6 unique-local, and every IPv6 form that embeds an IPv4
/// address (mapped, compatible, NAT64, 6to4), which is judged by the IPv4 address inside.
/// </summary>
public static class ReservedAddresses
{
    private static readonly (IPNetwork Network, string Name)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "shared (CGNAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.0.2.0/24"), "documentation"),
        (IPNetwork.Parse("192.88.99.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "benchmarking"),
        (IPNetwork.Parse("198.51.100.0/24"), "documentation"),
        (IPNetwork.Parse("203.0.113.0/24"), "documentation"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("100::/64"), "discard"),
        (IPNetwork.Parse("2001:db8::/32"), "documentation"),
        (IPNetwork.Parse("fc00::/7"), "unique-local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "site-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");

    /// <summary>The name of the reserved range the address falls in ("loopback", "private", ...), or null if it is public.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var embedded = EmbeddedIPv4(address);
        if (embedded is not null)
        {
            return Classify(embedded);
        }
        foreach (var (network, name) in Ranges)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null.</summary>
    internal static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Ipv4Compatible.Contains(address) && !IsUnspecifiedOrLoopback(bytes)))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }
        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }
        return null;
    }

    // ::/128 and ::1/128 sit inside ::/96 but are IPv6's own unspecified and loopback addresses.
    private static bool IsUnspecifiedOrLoopback(byte[] bytes) => bytes.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0 && bytes[15] <= 1;
}
