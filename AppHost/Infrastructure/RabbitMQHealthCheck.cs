using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Platform.AppHost.Infrastructure;

/// <summary>Healthy when the node accepts an AMQP connection with the platform's credentials.</summary>
internal sealed class RabbitMQHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri((await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))!),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return HealthCheckResult.Healthy("accepting AMQP connections");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex.GetType().Name);
        }
    }
}
