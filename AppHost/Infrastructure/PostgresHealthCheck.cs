using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.AppHost.Infrastructure;

/// <summary>Healthy when the server (or the one database) answers a query.</summary>
internal sealed class PostgresHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("accepting connections");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // The type only: a connection error may quote the connection string.
            return HealthCheckResult.Unhealthy(ex.GetType().Name);
        }
    }
}
