using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Infrastructure;

/// <summary>Healthy when something accepts a TCP connection on the loopback port.</summary>
internal sealed class TcpHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return HealthCheckResult.Healthy($"listening on {port}");
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy(ex.SocketErrorCode.ToString());
        }
    }
}
