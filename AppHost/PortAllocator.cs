using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost;

/// <summary>
/// Hands out free loopback ports, never the same one twice in one run. The ports come from below the kernel's
/// ephemeral range (read from <c>/proc/sys/net/ipv4/ip_local_port_range</c>), so a port handed to a service that
/// binds it seconds later cannot meanwhile become the local end of some outgoing connection or of a listener bound
/// to port 0 by another process on the machine (parallel test runs do both all the time).
/// </summary>
internal static class PortAllocator
{
    private const int LowestPort = 10000;
    private static readonly HashSet<int> Handed = [];
    private static readonly int EphemeralStart = ReadEphemeralStart();

    public static int GetFreePort()
    {
        lock (Handed)
        {
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int port = Random.Shared.Next(LowestPort, EphemeralStart);
                if (!Handed.Contains(port) && CanBind(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException($"No free loopback port between {LowestPort} and {EphemeralStart}.");
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var v4 = new TcpListener(IPAddress.Loopback, port);
            v4.Start();
            if (Socket.OSSupportsIPv6)
            {
                using var v6 = new TcpListener(IPAddress.IPv6Loopback, port);
                v6.Start();
            }
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int ReadEphemeralStart()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(RangeFile)
            && int.TryParse(File.ReadAllText(RangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out int start)
            && start > LowestPort + 1000)
        {
            return start;
        }
        return 32768;
    }
}
