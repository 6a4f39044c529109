using System.Net;
using System.Net.Sockets;

namespace Platform.Hosting;

/// <summary>Hands out free loopback ports, never the same one twice in one run.</summary>
internal static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];

    public static int GetFreePort()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
